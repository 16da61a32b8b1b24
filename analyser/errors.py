"""Typed errors for everything a user can get wrong, each with its HTTP status and exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the `analyser` command exits with (click itself exits 2 on a usage error)."""

    OK = 0
    FAILED = 1  # several letters and at least one unread; the output locked by another run; a crash
    UNREADABLE = 2  # the one letter could not be read, or the situation is invalid
    UNSUPPORTED_FILE_TYPE = 3
    TOO_LARGE = 4


class AnalyserError(Exception):
    """Base class: a problem with the input that the letter's owner can fix or understand."""

    # Unless a class says otherwise: 422 over HTTP, and the "could not read it" exit code.
    http_status: int = 422
    exit_code: ExitCode = ExitCode.UNREADABLE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def type(self) -> str:
        return type(self).__name__

    def as_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


class UnsupportedFileType(AnalyserError):
    """The file is not a PDF, PNG, JPEG, TIFF or plain text."""

    http_status = 415
    exit_code = ExitCode.UNSUPPORTED_FILE_TYPE


class TooLarge(AnalyserError):
    """The file has more bytes, pages or pixels than the configured limits."""

    http_status = 413
    exit_code = ExitCode.TOO_LARGE


class WorkLimit(AnalyserError):
    """Reading the file took more time (or work) than one letter may, or the client went away."""


class ClientGone(WorkLimit):
    """The client closed the connection, so the analysis was stopped."""


class SlowUpload(AnalyserError):
    """The request body stopped arriving, or came too slowly to be a real upload."""

    http_status = 408


class EncryptedPdf(AnalyserError):
    """The PDF is password-protected."""


class CorruptFile(AnalyserError):
    """The file claims a type but cannot be read as one."""


class NoTextFound(AnalyserError):
    """The file was read, but no text could be found or recognised in it."""


class InvalidSituation(AnalyserError, ValueError):
    """The person's situation names an unknown benefit or group, or an impossible combination."""


class UnreadableImage(AnalyserError):
    """A photo or scan was read, but too poorly to answer from: blurred, dark, cut off, or no letter."""


class InternalError(AnalyserError):
    """Something broke on our side: answered as a 500 in the usual shape, never with the details."""

    http_status = 500

    def __init__(self) -> None:
        super().__init__(
            "Something went wrong while reading this letter. Please try again, or try another copy."
        )


class UnsafeFile(AnalyserError):
    """A folder entry batch will not read: a link out of the folder, a loop, a device, a FIFO or a socket."""


class OutputLocked(AnalyserError):
    """Another batch is writing the same results file."""

    exit_code = ExitCode.FAILED


class OutputError(AnalyserError):
    """An output (results file, database, report) cannot be written, or two of them are the same file."""

    exit_code = ExitCode.FAILED
