"""Camera photos of a page: find the sheet, flatten its perspective and its lighting, for OCR."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

# EXIF tags a camera writes and a scanner or a PDF renderer does not: Make, Model, and the
# ExifIFD's exposure time / focal length.
_CAMERA_TAGS = (0x010F, 0x0110)
_EXIF_IFD = 0x8769
_EXPOSURE_TAGS = (0x829A, 0x920A)
A4_ASPECT = 297 / 210
DETECT_SIDE = 800  # the sheet is looked for in a copy this big: plenty for its corners, and fast
# A sheet smaller than this share of the frame is more likely a label or a screen than the letter.
MIN_PAGE_AREA = 0.2
# A sheet covering more than this is the frame itself: the photo was taken close up.
FILLS_FRAME = 0.9


@dataclass
class FlatPage:
    """A page made flat and evenly lit, and what was seen on the way."""

    image: Image.Image  # 8-bit grey, paper white, ink black, at `dpi` for an A4 page
    page_found: bool  # the sheet's four edges were seen inside the photo
    cut_off: bool  # lines of text run off the side of the picture
    brightness: float  # 0..1, the median of the sheet before flattening: under 0.2 is too dark
    sharpness: float  # mean gradient energy of the text edges; a blurred photo scores low


def has_camera_exif(image: Image.Image) -> bool:
    """Whether the image carries the EXIF tags a phone or camera writes."""
    try:
        exif = image.getexif()
    except Exception:  # a broken EXIF block is no reason to refuse the picture
        return False
    if any(exif.get(tag) for tag in _CAMERA_TAGS):
        return True
    try:
        inner = exif.get_ifd(_EXIF_IFD)
    except Exception:
        return False
    return any(inner.get(tag) for tag in _EXPOSURE_TAGS)


def looks_like_photo(image: Image.Image) -> bool:
    """A camera picture (EXIF), or a page lying on something with a visible edge, or unevenly lit."""
    if has_camera_exif(image):
        return True
    gray = _small_gray(image)
    quad = find_page(gray)
    if quad is not None and cv2.contourArea(quad) < FILLS_FRAME * gray.size:
        return True
    # A flat-bed scan is lit evenly and shows its margins; a photo may be dark, or cut a page off.
    paper = float(np.median(gray))
    if paper < 0.16 * 255:
        return True
    # Text running off the side of a camera picture (paper never quite white) is part of a page;
    # on a clean digital image it is only a tight crop.
    if paper < 250 and text_at_edges(flatten_lighting(gray, 60)):
        return True
    background = _background(gray, 31)
    low, high = np.percentile(background, [5, 95])
    colour = image.mode in ("RGB", "RGBA") and _saturation(image) > 25
    return bool(high - low > 60 or colour)


def flatten_photo(image: Image.Image, dpi: int = 200) -> FlatPage:
    """The page of a photo as a flat, evenly lit grey image at `dpi`, ready for Tesseract."""
    gray = np.asarray(image.convert("L"))
    small = _small_gray(image)
    ratio = gray.shape[1] / small.shape[1]
    quad = find_page(small)
    found = quad is not None and cv2.contourArea(quad) < FILLS_FRAME * small.size
    if quad is None:
        height, width = gray.shape
        corners = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    else:
        corners = _order(quad.reshape(4, 2).astype(np.float32) * ratio)
    page = _warp(gray, corners, dpi)
    sheet = np.asarray(cv2.resize(page, (page.shape[1] // 4, page.shape[0] // 4)))
    brightness = float(np.median(sheet)) / 255
    flat = flatten_lighting(page, dpi)
    cut_off = text_at_edges(flat)
    if found and not cut_off:
        # The outline found is the paper's edge give or take a few pixels of table, which Tesseract
        # reads as a line of junk; a letter's margins are far wider than this strip.
        border = max(2, int(flat.shape[1] * 0.015))
        flat[:border, :] = flat[-border:, :] = 255
        flat[:, :border] = flat[:, -border:] = 255
    return FlatPage(
        image=Image.fromarray(flat),
        page_found=bool(found),
        cut_off=cut_off,
        brightness=brightness,
        sharpness=_sharpness(page),
    )


def text_at_edges(flat: np.ndarray, share: float = 0.15) -> bool:
    """Whether lines of text run into the left or right edge: the photo shows only part of a page."""
    height = flat.shape[0]
    # Top and bottom 3% left out: the sheet's edge runs across there, touching both sides.
    ink = flat[int(height * 0.03) : int(height * 0.97)] < 128
    ink[:, ink.mean(axis=0) >= 0.5] = False  # a solid strip (table, page edge) is not text
    width = ink.shape[1]
    # Rows inked both 1-4% and 4-7% in from a side: a line running off the picture. A page's
    # margins are blank there; a sliver of table or the sheet's edge stays in the outer strip.
    cuts = [int(width * fraction) for fraction in (0.01, 0.04, 0.07)]
    lines = int(ink[:, cuts[2] : width - cuts[2]].any(axis=1).sum())
    for outer, inner in (
        (ink[:, cuts[0] : cuts[1]], ink[:, cuts[1] : cuts[2]]),
        (ink[:, width - cuts[1] : width - cuts[0]], ink[:, width - cuts[2] : width - cuts[1]]),
    ):
        touching = int((outer.any(axis=1) & inner.any(axis=1)).sum())
        if touching >= 3 and touching > share * max(lines, 1):
            return True
    return False


def find_page(small: np.ndarray) -> np.ndarray | None:
    """The largest four-cornered outline in a small grey picture: the sheet of paper, if any."""
    area = small.shape[0] * small.shape[1]
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(blurred, 40, 120), np.ones((3, 3), np.uint8), iterations=2)
    # Paper is usually the brightest large thing: Otsu's split finds it when its edges are soft.
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    # The sheet's edge is often a thin broken line (a contour of almost no area): judge each
    # outline by its convex hull, and keep the biggest four-cornered one that is brighter inside.
    best, best_area = None, MIN_PAGE_AREA * area
    for mask in (edges, bright):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        hulls = sorted((cv2.convexHull(contour) for contour in contours), key=cv2.contourArea, reverse=True)
        for hull in hulls[:5]:
            if cv2.contourArea(hull) < best_area:
                break
            approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
            size = cv2.contourArea(approx)
            if len(approx) == 4 and size > best_area and _stands_out(small, approx):
                best, best_area = approx, size
    return best


def _stands_out(small: np.ndarray, quad: np.ndarray) -> bool:
    """Paper brighter than what lies around it; a scan's text block is not (white all round)."""
    inside = np.zeros(small.shape, np.uint8)
    cv2.fillConvexPoly(inside, quad.reshape(4, 2).astype(np.int32), 1)
    ring = cv2.dilate(inside, np.ones((25, 25), np.uint8)) - inside
    if not ring.any():
        return True  # the outline is the frame itself
    return float(np.median(small[inside > 0])) - float(np.median(small[ring > 0])) > 25


def flatten_lighting(gray: np.ndarray, dpi: int = 200) -> np.ndarray:
    """Divide by the paper's own brightness (closing removes the ink, a median smooths it)."""
    background = _background(gray, max(15, dpi // 10 | 1))
    ratio = gray.astype(np.float32) / np.maximum(background.astype(np.float32), 1.0)
    # Paper comes out near 1.0 whatever the light; stretch so it is white and ink is black.
    stretched = (ratio - 0.35) / (0.92 - 0.35)
    return (np.clip(stretched, 0.0, 1.0) * 255).astype(np.uint8)


def _background(gray: np.ndarray, kernel: int) -> np.ndarray:
    """The paper's brightness everywhere, estimated at a quarter size for speed."""
    small = cv2.resize(
        gray, (max(1, gray.shape[1] // 4), max(1, gray.shape[0] // 4)), interpolation=cv2.INTER_AREA
    )
    size = max(3, kernel // 4) | 1
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    smooth = cv2.medianBlur(closed, size * 2 + 1)
    return cv2.resize(smooth, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)


def _warp(gray: np.ndarray, corners: np.ndarray, dpi: int) -> np.ndarray:
    """The quadrilateral `corners` (tl, tr, br, bl) straightened to an upright page at `dpi`."""
    top, bottom = (
        float(np.linalg.norm(corners[1] - corners[0])),
        float(np.linalg.norm(corners[2] - corners[3])),
    )
    left, right = (
        float(np.linalg.norm(corners[3] - corners[0])),
        float(np.linalg.norm(corners[2] - corners[1])),
    )
    width_px, height_px = max(top, bottom), max(left, right)
    aspect = height_px / max(width_px, 1.0)
    # A page seen at an angle looks shorter than it is; a near-A4 outline is an A4 sheet.
    if abs(aspect - A4_ASPECT) / A4_ASPECT < 0.15:
        aspect = A4_ASPECT
    elif abs(1 / aspect - A4_ASPECT) / A4_ASPECT < 0.15:
        aspect = 1 / A4_ASPECT
    short_in = 8.27 if aspect >= 1 else 11.69
    width = int(short_in * dpi)
    height = int(round(width * aspect))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(
        gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def _order(points: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    total, diff = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array(
        [
            points[np.argmin(total)],
            points[np.argmin(diff)],
            points[np.argmax(total)],
            points[np.argmax(diff)],
        ],
        np.float32,
    )


def _small_gray(image: Image.Image) -> np.ndarray:
    small = image.convert("L")
    small.thumbnail((DETECT_SIDE, DETECT_SIDE))
    return np.asarray(small)


def _saturation(image: Image.Image) -> float:
    small = image.convert("RGB")
    small.thumbnail((200, 200))
    hsv = cv2.cvtColor(np.asarray(small), cv2.COLOR_RGB2HSV)
    return float(np.median(hsv[:, :, 1]))


def _sharpness(page: np.ndarray) -> float:
    """How crisp the strongest edges are: the 99th percentile of the Laplacian, at 200 dpi scale."""
    laplacian = np.abs(cv2.Laplacian(page, cv2.CV_16S, ksize=3))
    return float(np.percentile(laplacian, 99.5))
