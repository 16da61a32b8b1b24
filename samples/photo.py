"""Render letters as phone photos (seeded): a page on a table, at an angle, curled, shadowed, JPEG.

python samples/photo.py --labels samples/holdout/round3_a.jsonl --out samples/rendered/photos
python samples/photo.py --unreadable 100 --out samples/rendered/unreadable

Also makes photos that cannot be read (blurred, dark, cut off, blank, not a letter) to check
that the analyser says so instead of answering.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from samples.rendering import text_pdf  # noqa: E402

UNREADABLE_KINDS = ("blurred", "dark", "cut_off", "no_text", "not_a_letter")
_TABLES = ((112, 78, 52), (150, 110, 70), (90, 90, 95), (60, 45, 40), (170, 160, 150), (35, 35, 40))
_MAKE, _MODEL = 0x010F, 0x0110
FALLBACK_LETTER = (
    "Jobcentre Plus\nDate: 3 March 2025\n\nDear Ms Example\n\n"
    + "You must attend a work focused interview at the Jobcentre on the date below. " * 12
    + "\n\nIf you do not attend, your benefit may be affected.\n\nYours sincerely\n\nJ Adviser\n"
)


def page_images(text: str, dpi: int = 200) -> list[Image.Image]:
    """The letter's pages, clean, as grey images at `dpi`."""
    document = pdfium.PdfDocument(text_pdf(text))
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            page.close()
        return images
    finally:
        document.close()


def photograph(
    page: Image.Image, rng: random.Random, blur: float | None = None, long_side: int | None = None
) -> Image.Image:
    """A phone photo of one clean page: curl, perspective on a table, light and shadow, blur, noise."""
    long_side = long_side or rng.randint(1600, 4000)
    height, width = long_side, int(long_side * 0.75)
    paper = _curl(np.asarray(page), rng)
    tint = np.array([rng.uniform(240, 255), rng.uniform(236, 252), rng.uniform(225, 245)], np.float32) / 255
    sheet = paper[:, :, None].astype(np.float32) * tint
    page_h = height * rng.uniform(0.72, 0.9)
    page_w = page_h / (paper.shape[0] / paper.shape[1])
    cx, cy = width / 2 + rng.uniform(-0.04, 0.04) * width, height / 2 + rng.uniform(-0.03, 0.03) * height
    jitter = page_w * rng.uniform(0.02, 0.07)
    quad = np.array(
        [
            [cx - page_w / 2, cy - page_h / 2],
            [cx + page_w / 2, cy - page_h / 2],
            [cx + page_w / 2, cy + page_h / 2],
            [cx - page_w / 2, cy + page_h / 2],
        ],
        np.float32,
    )
    quad += np.array(
        [[rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter)] for _ in range(4)], np.float32
    )
    quad = _rotate(quad, rng.uniform(-4, 4), (cx, cy))
    source = np.array(
        [[0, 0], [paper.shape[1], 0], [paper.shape[1], paper.shape[0]], [0, paper.shape[0]]], np.float32
    )
    matrix = cv2.getPerspectiveTransform(source, quad)
    warped = cv2.warpPerspective(sheet, matrix, (width, height), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(
        np.ones(paper.shape, np.float32), matrix, (width, height), flags=cv2.INTER_LINEAR
    )
    frame = _table(width, height, rng) * (1 - mask[:, :, None]) + warped * mask[:, :, None]
    frame = frame * _lighting(width, height, rng)[:, :, None]
    sigma = blur if blur is not None else rng.uniform(0.0, 1.0) * long_side / 2000
    return _finish(frame, rng, sigma)


def unreadable_photo(kind: str, page: Image.Image, rng: random.Random) -> Image.Image:
    """A photo that cannot be read: blurred, too dark, mostly cut off, blank, or not a letter."""
    if kind == "blurred":
        shot = photograph(page, rng)
        return Image.fromarray(
            cv2.GaussianBlur(np.asarray(shot), (0, 0), max(shot.size) / rng.uniform(180, 260))
        )
    if kind == "dark":
        shot = np.asarray(photograph(page, rng), np.float32) * rng.uniform(0.03, 0.08)
        return _finish(shot, rng, 0.0)
    if kind == "cut_off":
        shot = photograph(page, rng)
        width, height = shot.size
        crop_w, crop_h = int(width * rng.uniform(0.18, 0.3)), int(height * rng.uniform(0.12, 0.22))
        left = rng.randint(int(width * 0.25), int(width * 0.75) - crop_w)
        top = rng.randint(int(height * 0.2), int(height * 0.8) - crop_h)
        return shot.crop((left, top, left + crop_w, top + crop_h)).resize((width, height), Image.BICUBIC)
    if kind == "no_text":
        return photograph(Image.new("L", page.size, 255), rng)
    if kind == "not_a_letter":
        return _scene(rng)
    raise ValueError(f"unknown unreadable kind {kind!r}; choose one of {', '.join(UNREADABLE_KINDS)}")


def jpeg_bytes(image: Image.Image, rng: random.Random, camera: bool | None = None) -> bytes:
    """The photo as a phone saves it: JPEG, with the camera's EXIF tags on most."""
    exif = Image.Exif()
    if camera if camera is not None else rng.random() < 0.7:
        exif[_MAKE], exif[_MODEL] = "SamplePhone", "Model 7"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=rng.randint(60, 90), exif=exif)
    return buffer.getvalue()


def _finish(frame: np.ndarray, rng: random.Random, sigma: float) -> Image.Image:
    if sigma > 0.3:
        frame = cv2.GaussianBlur(frame, (0, 0), sigma)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(2, 7), frame.shape[:2])
    return Image.fromarray(np.clip(frame + noise[:, :, None], 0, 255).astype(np.uint8), "RGB")


def _curl(paper: np.ndarray, rng: random.Random) -> np.ndarray:
    """Bend the sheet: lines sag towards one end, the way a folded letter lies on a table."""
    height, width = paper.shape
    amplitude = rng.uniform(0.0, 0.012) * height
    xs, ys = np.meshgrid(np.arange(width, dtype=np.float32), np.arange(height, dtype=np.float32))
    sag = amplitude * np.sin(np.pi * xs / width) * (0.5 + ys / height)
    return cv2.remap(paper, xs, ys - sag, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def _rotate(points: np.ndarray, degrees: float, centre: tuple[float, float]) -> np.ndarray:
    angle = np.radians(degrees)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    return ((points - np.float32(centre)) @ rotation.T + np.float32(centre)).astype(np.float32)


def _table(width: int, height: int, rng: random.Random) -> np.ndarray:
    """A table top: a colour, a slow grain, a little speckle."""
    colour = np.array(rng.choice(_TABLES), np.float32)
    generator = np.random.default_rng(rng.randrange(2**32))
    grain = cv2.resize(generator.normal(0, 1, (8, 64)).astype(np.float32), (width, height))
    return colour * (1 + 0.12 * grain[:, :, None]) + generator.normal(0, 4, (height, width, 1))


def _lighting(width: int, height: int, rng: random.Random) -> np.ndarray:
    """Light falling off across the frame, and a soft shadow (a hand, a phone) over one side."""
    xs, ys = np.meshgrid(np.linspace(-1, 1, width // 8), np.linspace(-1, 1, height // 8))
    angle = rng.uniform(0, 2 * np.pi)
    ramp = xs * np.cos(angle) + ys * np.sin(angle)
    light = rng.uniform(0.85, 1.05) + rng.uniform(0.08, 0.2) * ramp
    if rng.random() < 0.7:
        shade_angle = rng.uniform(0, 2 * np.pi)
        edge = xs * np.cos(shade_angle) + ys * np.sin(shade_angle) - rng.uniform(0.1, 0.7)
        shadow = 1 - rng.uniform(0.3, 0.45) * (edge > 0)
        light = light * cv2.GaussianBlur(shadow.astype(np.float32), (0, 0), rng.uniform(2, 8))
    return cv2.resize(light.astype(np.float32), (width, height))


def _scene(rng: random.Random) -> Image.Image:
    """Something that is not a letter: shapes and colours on a surface."""
    long_side = rng.randint(1600, 3000)
    width, height = int(long_side * 0.75), long_side
    frame = _table(width, height, rng).copy()
    for _ in range(rng.randint(3, 12)):
        colour = tuple(float(rng.randint(0, 255)) for _ in range(3))
        centre = (rng.randrange(width), rng.randrange(height))
        size = rng.randint(width // 20, width // 3)
        if rng.random() < 0.5:
            cv2.circle(frame, centre, size, colour, -1)
        else:
            cv2.rectangle(frame, centre, (centre[0] + size, centre[1] + size // 2), colour, -1)
    frame = frame * _lighting(width, height, rng)[:, :, None]
    return _finish(frame, rng, rng.uniform(0.5, 3.0))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--labels", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path, default=HERE / "rendered" / "photos")
    parser.add_argument("--unreadable", type=int, default=0, help="also write this many unreadable photos")
    parser.add_argument("--unreadable-only", action="store_true", help="write only the unreadable photos")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    letters = [
        json.loads(line)
        for path in args.labels
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not args.unreadable_only:
        for letter in letters:
            rng = random.Random(f"{args.seed}:{letter['id']}")
            for number, page in enumerate(page_images(letter["text"]), 1):
                image = photograph(page, rng)
                (args.out / f"{letter['id']}-p{number}.jpg").write_bytes(jpeg_bytes(image, rng))
                written += 1
    texts = [letter["text"] for letter in letters] or [FALLBACK_LETTER]
    for number in range(args.unreadable):
        kind = UNREADABLE_KINDS[number % len(UNREADABLE_KINDS)]
        rng = random.Random(f"{args.seed}:unreadable:{number}")
        page = page_images(texts[number % len(texts)])[0]
        image = unreadable_photo(kind, page, rng)
        (args.out / f"unreadable-{kind}-{number:03}.jpg").write_bytes(jpeg_bytes(image, rng))
        written += 1
    print(f"wrote {written} photos into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
