"""Walk a batch folder safely: regular files only, no links out of it, no loops, any file name."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from analyser.errors import UnsafeFile

__all__ = ["Found", "discover", "display_name", "read_regular", "LETTER_SUFFIXES"]

# Files read as letters; anything else in the folder is ignored (and counted).
READABLE_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".txt"})
# Files people save letters as by mistake: analysed so each gets an error record saying what to do.
MISTAKEN_SUFFIXES = frozenset({".doc", ".docx", ".odt", ".rtf", ".gif", ".webp", ".heic", ".bmp", ".zip"})
LETTER_SUFFIXES = READABLE_SUFFIXES | MISTAKEN_SUFFIXES
# O_NONBLOCK: a FIFO swapped in after the walk opens at once instead of waiting for a writer.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass
class Found:
    """What the walk found: letter files (name relative to the folder, real path), refused entries, others."""

    files: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, UnsafeFile]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # named in the summary, so nothing vanishes unseen


def display_name(relative: bytes) -> str:
    """A file name as text that always encodes: bytes that are not UTF-8 shown as \\xNN."""
    return relative.decode("utf-8", "backslashreplace")


def discover(folder: Path, outputs: set[Path]) -> Found:
    """Every letter file under folder in name order; hidden files and our own files (outputs, the
    situations given) left out.

    Links are followed only while they stay inside the folder; a directory reached twice (a loop,
    or a second link to it) is walked once. Devices, FIFOs, sockets, links out of the folder and
    dangling links each become one refusal; nothing is opened here, so nothing can hang.
    """
    root = os.fsencode(os.path.realpath(folder))
    skip = {os.fsencode(os.path.realpath(p)) for p in outputs}
    found = Found()
    _walk(root, root, b"", skip, set(), found)
    return found


def _walk(
    root: bytes, real_dir: bytes, relative: bytes, skip: set[bytes], seen: set[tuple[int, int]], found: Found
) -> None:
    info = os.stat(real_dir)
    seen.add((info.st_dev, info.st_ino))
    try:
        with os.scandir(real_dir) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        found.refused.append((display_name(relative or b"."), UnsafeFile(_unreadable(error))))
        return
    for entry in entries:
        name = entry.name
        if name.startswith((b".", b"~$")):
            continue
        rel = relative + b"/" + name if relative else name
        shown = display_name(rel)
        real = os.path.realpath(entry.path)
        if real in skip:
            continue
        if entry.is_symlink() and not _inside(real, root):
            found.refused.append((shown, UnsafeFile(f"{shown} is a link to outside the folder: not read.")))
            continue
        try:
            target = os.stat(real)
        except OSError as error:
            found.refused.append((shown, UnsafeFile(f"{shown}: {_unreadable(error)}")))
            continue
        if stat.S_ISDIR(target.st_mode):
            if (target.st_dev, target.st_ino) in seen:
                found.refused.append(
                    (
                        shown,
                        UnsafeFile(f"{shown} leads back to a folder already read (a link loop): skipped."),
                    )
                )
                continue
            _walk(root, real, rel, skip, seen, found)
        elif os.path.splitext(name)[1].lower().decode("ascii", "replace") not in LETTER_SUFFIXES:
            found.ignored.append(shown)
        elif not stat.S_ISREG(target.st_mode):
            found.refused.append(
                (shown, UnsafeFile(f"{shown} is {_kind(target.st_mode)}, not a file: not read."))
            )
        else:
            found.files.append((shown, os.fsdecode(real)))


def _inside(real: bytes, root: bytes) -> bool:
    return real == root or real.startswith(root.rstrip(b"/") + b"/")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _unreadable(error: OSError) -> str:
    if error.errno == 40:  # ELOOP: a link that points at itself, or round a circle of links
        return "a link loop: not read."
    return f"cannot be read ({error.strerror or type(error).__name__})."


def read_regular(path: str, max_bytes: int) -> bytes:
    """A regular file's bytes (at most max_bytes + 1, so the size limit still reports), never a device's or pipe's."""
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise UnsafeFile(f"{os.path.basename(path)} is not a regular file: not read.")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    finally:
        os.close(descriptor)
