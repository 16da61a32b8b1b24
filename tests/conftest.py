"""Shared fixtures: real letters written here and rendered into real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyser.render import render_letter

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

WFI_LETTER = """Jobcentre Plus
Ipswich Jobcentre Plus
Franciscan Way
Ipswich IP1 1HP

Date: 3 November 2014

Mr Test Person
1 Example Road
Ipswich IP4 1AA

Employment and Support Allowance
Work focused interview

Dear Mr Person

Our records show you are in the support group of Employment and Support Allowance.
You must attend a work focused interview with a personal adviser.

Date: Friday 14 November 2014
Time: 10:30am
Place: Ipswich Jobcentre Plus, Franciscan Way

If you do not attend without good cause, your benefit may be reduced.

Yours sincerely

J Adviser
Personal Adviser
"""


@pytest.fixture(scope="session")
def wfi_text() -> str:
    return WFI_LETTER


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """The WFI letter as a text PDF, a scanned PDF, a PNG photo and a text file."""
    folder = tmp_path_factory.mktemp("rendered")
    return {
        kind: render_letter(WFI_LETTER, folder / kind.replace("-", "_") / "letter", kind, seed=3)
        for kind in ("txt", "pdf", "scan-pdf", "scan-png")
    }


@pytest.fixture(scope="session")
def campaign_batch(tmp_path_factory) -> dict[str, Path]:
    """20 letters as text PDF, scan and photo (60 files) through `batch --db --report`, with situations."""
    from campaign_letters import make_batch

    from analyser.batch import BatchOptions, run_batch

    root = tmp_path_factory.mktemp("campaign")
    people, _ = make_batch(root / "letters")
    out = root / "out"
    options = BatchOptions(
        folder=root / "letters",
        out=out / "results.jsonl",
        situations_csv=people,
        workers=2,
        db=out / "results.sqlite",
        report=out / "report.html",
        csv=out / "letters.csv",
    )
    summary = run_batch(options)
    return {"letters": root / "letters", "out": options.out, "db": out / "results.sqlite",
            "report": out / "report.html", "csv": out / "letters.csv", "summary": summary}  # fmt: skip
