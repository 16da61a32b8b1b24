"""Render labelled letters into the files people upload: text PDFs and degraded scans, fixed seed.

python samples/render.py                      # whole corpus -> samples/rendered/ (not committed)
python samples/render.py --demo               # the fixed demo set -> samples/letters/ (committed)
python samples/render.py --labels L.jsonl --out DIR --kinds pdf,scan-pdf
python samples/render.py --labels PART.jsonl --out DIR --first-touch   # a blind round, before its measurement
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from samples.rendering import render_letter  # noqa: E402

# The demo set: one letter of each kind a user brings, each as a different file type.
DEMO = [
    ("hw-esais-017", "pdf"),
    ("hw-esais-003", "scan-pdf"),
    ("hw-ucjsa-008", "scan-png"),
    ("hw-wcapip-003", "pdf"),
    ("hw-prog-001", "scan-tiff"),
    ("hw-dec-005", "txt"),
    ("hw-ucjsa-002", "scan-jpeg"),
    ("hw-esais-021", "pdf"),
]
# What benchmarks/first_touch.py reads from a round's folder (DIR/pdf/<id>.pdf, DIR/scan/<id>.pdf), and
# the scans' seed every round since round 20 has used: rounds stay comparable.
FIRST_TOUCH = {"pdf": "pdf", "scan-pdf": "scan"}
FIRST_TOUCH_SEED = 7
CYCLE = ["pdf", "scan-pdf", "txt", "scan-png", "pdf", "scan-jpeg", "txt", "scan-tiff"]


def load(paths: list[Path]) -> list[dict]:
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--labels", type=Path, nargs="*", default=sorted((HERE / "corpus").glob("*.jsonl")))
    parser.add_argument("--out", type=Path, default=HERE / "rendered")
    parser.add_argument("--kinds", default=None, help="comma-separated kinds; default: a cycle of all kinds")
    parser.add_argument("--demo", action="store_true", help="write the fixed demo set to samples/letters/")
    parser.add_argument(
        "--first-touch",
        action="store_true",
        help="a text PDF and a scan of each letter, as benchmarks.first_touch reads them",
    )
    args = parser.parse_args()
    letters = {letter["id"]: letter for letter in load(args.labels)}
    if args.first_touch:
        for letter in letters.values():
            for kind, folder in FIRST_TOUCH.items():
                render_letter(letter["text"], args.out / folder / letter["id"], kind, seed=FIRST_TOUCH_SEED)
        print(f"rendered {len(letters)} letters into {args.out}/pdf and {args.out}/scan")
        return 0
    if args.demo:
        for letter_id, kind in DEMO:
            path = render_letter(letters[letter_id]["text"], HERE / "letters" / letter_id, kind, seed=1)
            print(path.relative_to(HERE.parent))
        return 0
    kinds = args.kinds.split(",") if args.kinds else None
    for number, letter in enumerate(letters.values()):
        for kind in kinds or [CYCLE[number % len(CYCLE)]]:
            render_letter(letter["text"], args.out / kind / letter["id"], kind, seed=1)
    print(f"rendered {len(letters)} letters into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
