"""The `analyser` command on real files: results, JSON, and one clear line per error."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from analyser.cli import cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "letters"


def test_analyse_prints_a_readable_summary() -> None:
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLES / "hw-esais-017.pdf")])
    assert result.exit_code == 0, result.output
    assert "hw-esais-017.pdf: wfi" in result.output
    assert "attendance: mandatory" in result.output and "evidence: [sanction]" in result.output


def test_analyse_json_with_situation_flags() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "analyse",
            str(SAMPLES / "hw-esais-017.pdf"),
            "--json",
            "--benefit",
            "esa",
            "--group",
            "support_group",
            "--flag",
            "esa_style=old",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["check"]["verdict"] == "likely_wrongful"
    assert data["check"]["situation"]["flags"]["esa_style"] == "old"


def test_bad_situation_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLES / "hw-dec-005.txt"), "--benefit", "lottery"])
    assert result.exit_code == 2
    assert "choose one of" in result.output


def test_bad_file_is_one_line_and_non_zero(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    result = CliRunner().invoke(cli, ["analyse", str(broken)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: broken.pdf:") and "CorruptFile" in lines[0]
    assert "Traceback" not in result.output


def test_every_command_has_help_with_an_example() -> None:
    for command in ("analyse", "batch", "serve", "evaluate", "train", "letter"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output, command


def test_a_device_or_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    # /dev/zero was read until the machine ran out of memory; a pipe with no writer hung for ever.
    import os

    pipe = tmp_path / "letter.txt"
    os.mkfifo(pipe)
    for path in ("/dev/zero", str(pipe)):
        result = CliRunner().invoke(cli, ["analyse", path])
        assert result.exit_code != 0, path
        assert "not a file" in result.output and "Traceback" not in result.output
