"""Development tool (not shipped): render labelled letters as the files people upload (text PDFs, degraded scans)."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageFilter

from analyser.rules.drafts import latin1_text  # the core PDF fonts need the same plain text

SCAN_FORMATS = ("pdf", "png", "jpeg", "tiff")


def text_pdf(text: str) -> bytes:
    """A text-layer PDF of a letter: A4, Helvetica, its lines as written, pages as the text breaks."""
    pdf = FPDF(format="A4")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10.5)
    for line in latin1_text(text).split("\n"):
        if not line.strip():
            pdf.ln(4.6)
            continue
        pdf.multi_cell(0, 4.6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@dataclass(frozen=True)
class Degradation:
    """How badly a scan is made: the knobs a library photocopier or a phone turns."""

    dpi: int = 200
    skew_degrees: float = 0.0
    blur_radius: float = 0.0
    noise_sigma: float = 0.0
    jpeg_quality: int | None = None

    @classmethod
    def random(cls, rng: random.Random) -> Degradation:
        return cls(
            dpi=rng.choice([150, 200, 200, 300]),
            skew_degrees=rng.uniform(-2.0, 2.0),
            blur_radius=rng.uniform(0.0, 0.8),
            noise_sigma=rng.uniform(0.0, 12.0),
            jpeg_quality=rng.choice([None, 55, 70, 85]),
        )


def scan_images(pdf_bytes: bytes, degradation: Degradation) -> list[Image.Image]:
    """Page images of a PDF as a worn scanner would make them."""
    document = pdfium.PdfDocument(pdf_bytes)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=degradation.dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            images.append(degrade(image, degradation, seed=index))
    finally:
        document.close()
    return images


def degrade(image: Image.Image, degradation: Degradation, seed: int = 0) -> Image.Image:
    """Skew, blur, add sensor noise and JPEG artefacts to a clean page image."""
    if degradation.skew_degrees:
        image = image.rotate(
            degradation.skew_degrees, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255
        )
    if degradation.blur_radius:
        image = image.filter(ImageFilter.GaussianBlur(degradation.blur_radius))
    if degradation.noise_sigma:
        pixels = np.asarray(image, dtype=np.float32)
        noise = np.random.default_rng(seed).normal(0, degradation.noise_sigma, pixels.shape)
        image = Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))
    if degradation.jpeg_quality:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=degradation.jpeg_quality)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    image.info["dpi"] = (degradation.dpi, degradation.dpi)
    return image


def save_scan(images: list[Image.Image], fmt: str, dpi: int) -> bytes:
    """Page images as one file: a scanned PDF, a multi-page TIFF, or (first page) PNG / JPEG."""
    buffer = io.BytesIO()
    if fmt == "pdf":
        images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    elif fmt == "tiff":
        images[0].save(
            buffer,
            format="TIFF",
            save_all=True,
            append_images=images[1:],
            compression="tiff_deflate",
            dpi=(dpi, dpi),
        )
    elif fmt in ("png", "jpeg"):
        # A phone photo of a letter is one page per picture; stack pages so nothing is lost.
        page = images[0] if len(images) == 1 else _stack(images)
        page.save(buffer, format=fmt.upper(), dpi=(dpi, dpi), **({"quality": 80} if fmt == "jpeg" else {}))
    else:
        raise ValueError(f"unknown scan format {fmt!r}; choose one of {', '.join(SCAN_FORMATS)}")
    return buffer.getvalue()


def _stack(images: list[Image.Image]) -> Image.Image:
    width = max(image.width for image in images)
    sheet = Image.new("L", (width, sum(image.height for image in images)), 255)
    top = 0
    for image in images:
        sheet.paste(image, (0, top))
        top += image.height
    return sheet


def render_letter(text: str, out_stem: Path, kind: str, seed: int = 0) -> Path:
    """Write one letter as `kind` (txt, pdf, or scan-pdf/png/jpeg/tiff) next to `out_stem`; return the path."""
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    if kind == "txt":
        path = out_stem.with_suffix(".txt")
        path.write_text(text, encoding="utf-8")
        return path
    pdf = text_pdf(text)
    if kind == "pdf":
        path = out_stem.with_suffix(".pdf")
        path.write_bytes(pdf)
        return path
    fmt = kind.removeprefix("scan-")
    degradation = Degradation.random(random.Random(f"{seed}:{out_stem.name}"))
    images = scan_images(pdf, degradation)
    suffix = {"jpeg": ".jpg", "tiff": ".tif"}.get(fmt, f".{fmt}")
    path = out_stem.with_suffix(suffix)
    path.write_bytes(save_scan(images, fmt, degradation.dpi))
    return path
