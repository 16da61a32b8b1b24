"""Run OCRmyPDF warm in one long-lived process (Debian's python3 and its ocrmypdf), timing each call.

Usage (by bench_e2e, not by hand): /usr/bin/python3 benchmarks/ocrmypdf_warm.py SCAN OUT REPEAT
Prints one JSON list of seconds per call, after one untimed warm-up call. OCRmyPDF is given its
fastest honest settings for a scan that must gain a text layer: PDF output (no PDF/A conversion),
no optimisation, --skip-text, one job (ours reads a page on one thread too).
"""

import json
import logging
import sys
import time

import ocrmypdf

logging.disable(logging.CRITICAL)


def once(scan: str, out: str) -> float:
    started = time.perf_counter()
    ocrmypdf.ocr(
        scan,
        out,
        language=["eng"],
        output_type="pdf",
        optimize=0,
        skip_text=True,
        jobs=1,
        progress_bar=False,
    )
    return time.perf_counter() - started


if __name__ == "__main__":
    scan, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    once(scan, out)
    print(json.dumps([once(scan, out) for _ in range(repeat)]))
