"""Hostile files through `analyser analyse`: one typed JSON error each, the run goes on, no traceback, exit 2 for bad flags."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from hostile_files import form_feed_text, instructions_pdf, long_text, page_tree_loop_pdf, text_pdf
from hostile_inputs import LETTER

CLI = [sys.executable, "-c", "from analyser.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)


def test_every_bad_file_gets_its_error_record_and_the_good_one_is_read(tmp_path: Path) -> None:
    files = {
        "loop.pdf": (page_tree_loop_pdf(), "CorruptFile"),
        "a.pdf": (text_pdf("a"), "NoTextFound"),
        "one-byte.pdf": (b"a", "NoTextFound"),
        "form-feeds.txt": (form_feed_text(300_000), "TooLarge"),
        "long.txt": (long_text(1_000_001), "TooLarge"),
        "utf16.txt": (LETTER.encode("utf-16"), None),
    }
    for name, (data, _) in files.items():
        (tmp_path / name).write_bytes(data)
    done = run("analyse", "--json", *(str(tmp_path / name) for name in files))
    records = {
        (record.get("source") or {}).get("name"): record
        for record in map(json.loads, done.stdout.splitlines())
    }
    assert done.returncode == 1 and "Traceback" not in done.stderr
    for name, (_, error_type) in files.items():
        if error_type:
            assert records[name]["error"]["type"] == error_type, records[name]
        else:
            assert records[name]["letter"]["is_wfi_summons"] is True


def test_bad_flag_values_exit_2_without_a_traceback(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    for flag in ("lone_parent_youngest_child_age=²", "lone_parent_youngest_child_age=" + "9" * 5000):
        done = run("analyse", str(letter), "--benefit", "income_support", "--flag", flag)
        assert done.returncode == 2 and "Traceback" not in done.stderr and "whole number" in done.stderr


def test_a_page_of_endless_drawing_instructions_is_refused_at_once(tmp_path: Path) -> None:
    # The time budget is checked between pages; one page of millions of instructions ran for minutes
    # and took gigabytes before it was ever checked.
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(instructions_pdf(400_000))
    started = time.monotonic()
    done = run("analyse", "--json", str(bomb))
    assert time.monotonic() - started < 15
    assert json.loads(done.stdout)["error"]["type"] == "TooLarge" and "Traceback" not in done.stderr
