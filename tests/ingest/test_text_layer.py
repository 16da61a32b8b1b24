"""Text PDFs and scans keep the letter's paragraphs, so they read like the same letter typed."""

from __future__ import annotations

from analyser.ingest import ingest_bytes
from analyser.ingest.paragraphs import Line, join_lines
from analyser.nlp.read import read_with_keys
from samples.rendering import Degradation, save_scan, scan_images, text_pdf

LETTER = (
    "Department for Work and Pensions\nKendal Jobcentre\n\nMs Jo Example\n4 Low Fellside\nKendal LA9 4NH\n\n"
    "12 May 2025\n\nDear Ms Example\n\nWe want to talk to you about your health and work.\n\n"
    "Please come to see a work coach on Thursday 22 May 2025 at 2.20pm at Kendal Jobcentre.\n\n"
    "You need to come to this appointment. If you do not come, and you do not have a good reason, "
    "your Universal Credit payment could go down.\n\nKendal Jobcentre"
)


def test_a_text_pdf_keeps_the_blank_lines_between_paragraphs() -> None:
    # pdfplumber's text has no blank lines; the page's spacing says where the paragraphs are.
    from_pdf = ingest_bytes(text_pdf(LETTER), "letter.pdf").pages[0].text
    assert from_pdf == ingest_bytes(LETTER.encode(), "letter.txt").pages[0].text


def test_single_spaced_lines_stay_one_paragraph() -> None:
    single = "Dear Ms Example\nWe want to talk to you.\nPlease come on 22 May 2025.\n"
    assert ingest_bytes(text_pdf(single), "letter.pdf").pages[0].text == single.strip()


def test_a_letter_scores_the_same_as_a_pdf_and_as_text() -> None:
    # The classifiers learnt from typed letters; a PDF of one must give them the same n-grams.
    as_text = read_with_keys(ingest_bytes(LETTER.encode(), "letter.txt").pages).votes.cats
    as_pdf = read_with_keys(ingest_bytes(text_pdf(LETTER), "letter.pdf").pages).votes.cats
    assert as_pdf == as_text


def test_a_scan_keeps_the_blank_lines_between_paragraphs() -> None:
    # Tesseract, one block per column, marks some paragraphs and misses others; the lines' places do not.
    scan = save_scan(scan_images(text_pdf(LETTER), Degradation(dpi=200)), "pdf", 200)
    from_scan = ingest_bytes(scan, "scan.pdf").pages[0].text
    paragraphs = [paragraph.split("\n")[0] for paragraph in from_scan.split("\n\n")]
    assert paragraphs == [paragraph.split("\n")[0] for paragraph in LETTER.split("\n\n")]


def test_a_letter_whose_every_line_is_a_paragraph_keeps_them_apart() -> None:
    # All baselines two lines apart: the usual spacing is not the page's single spacing.
    lines = [Line(f"Paragraph {number}.", 26.0 * number, 10.5) for number in range(5)]
    assert join_lines(lines) == "\n\n".join(line.text for line in lines)
    # Single-spaced, the same lines are one paragraph.
    assert join_lines([line._replace(baseline=13.0 * n) for n, line in enumerate(lines)]).count("\n\n") == 0
