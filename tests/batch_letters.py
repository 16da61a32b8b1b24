"""Files for the batch tests: corpus letters, one with planted personal details, two letters in one PDF, broken files."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from campaign_letters import corpus
from fpdf import FPDF

from samples.rendering import text_pdf

PII = ("Jane Planted", "QQ 12 34 56 C", "07700 900123", "SW1A 1AA", "14 Ashfield Terrace")
BROKEN = {
    "broken/binary.txt": "UnsupportedFileType",
    "broken/empty.pdf": "CorruptFile",
    "broken/encrypted.pdf": "EncryptedPdf",
    "broken/letter.docx": "UnsupportedFileType",
    "broken/truncated.pdf": "CorruptFile",
}


def corpus_text(letter_id: str) -> str:
    return str(corpus()[letter_id]["text"])


def planted_letter() -> str:
    """An ESA WFI summons with a made-up person's name, address, NI and phone number planted in it."""
    text = corpus_text("hw-esais-001")
    for real, planted in {
        "Mr Graham Rutherford": "Mrs Jane Planted",
        "Dear Mr Rutherford": "Dear Mrs Jane Planted",
        "NE8 4QT": "SW1A 1AA",
        "JT 41 26 83 B": "QQ 12 34 56 C",
        "0191 498 3120": "07700 900123",
        "Newcastle Westgate Jobcentre Plus, Westgate House,\n          118 Westgate Road": (
            "your home, 14 Ashfield Terrace, London SW1A 1AA"
        ),
    }.items():
        assert real in text
        text = text.replace(real, planted)
    return text


def two_page_pdf(first: str, second: str) -> bytes:
    # More blank lines than an A4 page holds push the second letter onto page 2.
    return text_pdf(first + "\n" * 70 + second)


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica")
    pdf.cell(text="You must attend a work focused interview.")
    return bytes(pdf.output())


def docx_like() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def make_broken(folder: Path) -> None:
    broken = folder / "broken"
    broken.mkdir(parents=True)
    (broken / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (broken / "empty.pdf").write_bytes(b"")
    (broken / "encrypted.pdf").write_bytes(encrypted_pdf())
    (broken / "letter.docx").write_bytes(docx_like())
    (broken / "truncated.pdf").write_bytes(text_pdf(corpus_text("hw-ucjsa-001"))[:600])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_records(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_name = {record["source"]["name"]: record for record in records}
    assert len(by_name) == len(records), "a letter was written twice"
    return by_name
