"""The work budget inside ingest, read directly: every kind of input stops at its limit with a typed error."""

from __future__ import annotations

import threading
import time

import pytest
from hostile_files import blank_pdf, blank_tiff, form_feed_text, long_text, page_tree_loop_pdf, text_pdf
from hostile_inputs import LETTER

from analyser.errors import CorruptFile, NoTextFound, TooLarge, WorkLimit
from analyser.ingest import Limits, budget, ingest_bytes


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_text_files_are_read(encoding: str) -> None:
    (page,) = ingest_bytes(LETTER.encode(encoding), "letter.txt").pages
    assert "You must attend a work focused interview" in page.text


def test_form_feeds_count_as_pages_before_the_text_is_split() -> None:
    started = time.perf_counter()
    with pytest.raises(TooLarge, match="300,001 pages"):
        ingest_bytes(form_feed_text(300_000), "ff.txt")
    assert time.perf_counter() - started < 1.0
    assert len(ingest_bytes(LETTER.encode() + b"\f" + LETTER.encode(), "two.txt").pages) == 2


def test_characters_are_counted_before_spacy_sees_them() -> None:
    with pytest.raises(TooLarge, match="characters"):
        ingest_bytes(long_text(1_000_001), "long.txt")
    with pytest.raises(TooLarge, match="characters"):
        ingest_bytes(long_text(2_000), "short.txt", Limits(max_chars=1_000))


@pytest.mark.parametrize("data", [b"a", text_pdf("a"), text_pdf("Dear Jo")], ids=["a", "pdf-a", "pdf-2w"])
def test_too_little_text_is_no_text_found(data: bytes) -> None:
    with pytest.raises((NoTextFound, CorruptFile)):
        ingest_bytes(data, "x.pdf")


def test_a_looping_page_tree_is_corrupt() -> None:
    with pytest.raises(CorruptFile, match="list of pages"):
        ingest_bytes(page_tree_loop_pdf(), "loop.pdf")


def test_pixels_are_counted_across_pages() -> None:
    with pytest.raises(TooLarge, match="pixels in all"):
        ingest_bytes(blank_tiff(8, 3000), "t.tif", Limits(max_total_pixels=20_000_000))
    with pytest.raises(TooLarge, match="pixels in all"):
        ingest_bytes(blank_pdf(8, 1200), "b.pdf", Limits(max_total_pixels=50_000_000))


def test_a_blank_giant_page_is_not_read_at_all() -> None:
    started = time.perf_counter()
    with pytest.raises(NoTextFound):
        ingest_bytes(blank_pdf(1, 3200), "b.pdf")
    assert time.perf_counter() - started < 5.0


def test_the_budget_stops_on_cancel_or_deadline_between_pages() -> None:
    cancel = threading.Event()
    with budget.budget(Limits(), cancel) as spent:
        budget.check()
        cancel.set()
        with pytest.raises(WorkLimit, match="stopped"):
            budget.spend_pages()
        assert spent.pages == 1
    with budget.budget(Limits(max_seconds=0.01)):
        time.sleep(0.02)
        with pytest.raises(WorkLimit, match="longer than"):
            budget.check()
    budget.check()  # outside any budget: nothing to enforce
