"""Text tables drawn with | and - borders, read row by row: a cell's wrapped lines joined into one.

Letters typed as text (and some PDFs) draw tables with characters. When a cell wraps, its words are
spread over several lines, each shared with the other columns' words:

    | You are in the work-related activity     | You must attend.                         |
    | group                                    |                                          |

Read line by line, "work-related activity" and "group" are apart, and each line mixes two cells, so
neither the group's name nor its answer can be found. Between two border lines, this stage rewrites
such a row as one line per row with each column's words in order:

    | You are in the work-related activity group | You must attend. |

Every character keeps the offset it came from (CleanText's map), so evidence still points into the
original text. Rows of one line, and anything not shaped like a table, are left as they are. The
lines of a table are reported, so that cleanup does not mend them as wrapped prose.
"""

from __future__ import annotations

import re

_BORDER_CHARS = set("-=+|: \t")


def _is_border(line: str) -> bool:
    """Only dashes, equals signs, plus signs, bars, colons and spaces, with a run of dashes."""
    return bool(line.strip()) and set(line) <= _BORDER_CHARS and ("---" in line or "===" in line)


def reflow_tables(text: str, origin: list[int]) -> tuple[str, list[int], set[int]]:
    """`text` with every multi-line table row joined into one line, each character's origin, and
    the numbers of the output lines that belong to a table (its borders and rows)."""
    out: list[str] = []
    out_origin: list[int] = []
    table_lines: set[int] = set()
    position = 0
    row: list[tuple[str, int]] = []  # the content lines since the last border, with their offsets
    after_border = False  # the row opened under a border line
    border_width = 0  # how far the last border reaches: the table's right edge, however short its rows

    def emit(line: str, where: list[int], end: int, in_table: bool) -> None:
        """One output line, its characters' origins, and the origin of the line end after it."""
        if in_table:
            table_lines.add(len(out))
        out.append(line)
        out_origin.extend(where)
        out_origin.append(origin[end] if end < len(origin) else len(origin))

    def flush(closed: bool) -> None:
        in_table = after_border or closed
        right = max([border_width, *(len(line) for line, _ in row)])
        rows: list[list[tuple[str, int]]] = []
        for line, start in row:
            if rows and after_border and _carries_on(line, rows[-1][-1][0], rows[-1][0][0], right):
                rows[-1].append((line, start))
            else:
                rows.append([(line, start)])
        for lines_of_row in rows:
            joined = _join_row(lines_of_row, origin) if len(lines_of_row) > 1 else None
            if joined is None:
                for line, start in lines_of_row:
                    emit(line, origin[start : start + len(line)], start + len(line), in_table)
                continue
            last_line, last_start = lines_of_row[-1]
            emit(*joined, last_start + len(last_line), True)
        row.clear()

    for line in text.split("\n"):
        if _is_border(line):
            flush(closed=True)
            emit(line, origin[position : position + len(line)], position + len(line), True)
            after_border = True
            border_width = len(line.rstrip())
        elif "|" in line and (row or after_border or "|" in line.strip(" |")):
            row.append((line, position))
        else:
            flush(closed=False)
            emit(line, origin[position : position + len(line)], position + len(line), False)
            after_border = False
        position += len(line) + 1
    flush(closed=False)
    text_out = "\n".join(out)
    return text_out, out_origin[: len(text_out)], table_lines


def _carries_on(line: str, above: str, first: str, right: int) -> bool:
    """Whether a line carries on the row of the line above it (`first` opened the row). Its bars
    stand where the line above has them, and: its first cell is empty beside a filled one; or its
    first cell carries on in lower case or with a bracket where the row opened with a capital
    ("and work-related activity (LCWRA)", "(assessment phase)"); or no word that opens one of its
    cells would have fitted at the end of the same cell above (the cells wrapped)."""
    bars = [i for i, char in enumerate(line) if char == "|"]
    if not bars or bars != [i for i, char in enumerate(above) if char == "|"]:
        return False
    edges = [-1, *bars, right]
    cells = [(line[a + 1 : b], above[a + 1 : b], b - a - 1) for a, b in zip(edges, edges[1:], strict=False)]
    # Outer borders leave nothing outside them: those "cells" are no cells.
    cells = [cell for cell in cells if cell[0].strip() or cell[1].strip()]
    filled = [cell for cell in cells if cell[0].strip()]
    if not filled:
        return False
    opening = cells[0][0].strip()
    if not opening:
        return True  # "|           | claimant commitment. If you do not |"
    row_opening = _first_cell(first)
    if (
        row_opening[:1].isupper()
        and (opening[:1].islower() or opening[:1] == "(")
        and not _LETTERED.match(opening)
    ):
        return True
    return all(
        above_cell.strip() and len(above_cell.rstrip()) + 1 + len(cell.split()[0]) > width
        for cell, above_cell, width in filled
    )


# "a) Support group": a lettered row opens in lower case.
_LETTERED = re.compile(r"[a-z][.)]\s")


def _first_cell(line: str) -> str:
    return next((cell.strip() for cell in line.split("|") if cell.strip()), "")


def _join_row(row: list[tuple[str, int]], origin: list[int]) -> tuple[str, list[int]] | None:
    """One line for a row whose lines all put their bars in the same places; None if they do not."""
    bars = [tuple(i for i, char in enumerate(line) if char == "|") for line, _ in row]
    if len(set(bars)) != 1 or not bars[0]:
        return None  # one bar or more makes two columns or more
    edges = [-1, *bars[0], max(len(line) for line, _ in row)]
    chars: list[str] = []
    where: list[int] = []
    for column in range(len(edges) - 1):
        left, right = edges[column] + 1, edges[column + 1]
        if column:
            bar_start = row[0][1]
            chars.append("|")
            where.append(origin[bar_start + left - 1])
        words: list[tuple[str, int]] = []
        for line, start in row:
            for match in re.finditer(r"\S+", line[left:right]):
                words.append((match.group(0), start + left + match.start()))
        for number, (word, start) in enumerate(words):
            if number or column:
                chars.append(" ")
                where.append(origin[start])
            chars.extend(word)
            where.extend(origin[start : start + len(word)])
        if column < len(edges) - 2 and words:
            chars.append(" ")
            where.append(where[-1])
    return "".join(chars), where
