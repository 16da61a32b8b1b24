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
original text. Rows of one line, and anything not shaped like a table, are left as they are.
"""

from __future__ import annotations

import re

# A border: only dashes, equals signs, plus signs, bars, colons and spaces, with a run of dashes.
_BORDER = re.compile(r"^[ \t]*[-=+|:]*[-=]{3,}[-=+|: \t]*$")
_MIN_COLUMNS = 2


def reflow_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """`text` with every multi-line table row joined into one line, and each character's origin."""
    lines = text.split("\n")
    out: list[str] = []
    out_origin: list[int] = []
    position = 0
    row: list[tuple[str, int]] = []  # the content lines since the last border, with their offsets
    after_border = False  # the row opened under a border line

    def emit(line: str, start: int) -> None:
        out.append(line)
        out_origin.extend(origin[start : start + len(line)])
        out_origin.append(origin[start + len(line)] if start + len(line) < len(origin) else len(origin))

    def flush() -> None:
        # The lines since a border split into rows: a line that fills every cell with a capital opens
        # a row; one that leaves a cell empty (a wrapped cell beside an empty one) or whose first cell
        # carries on in lower case ("work-related activity (LCWRA)") belongs to the row above.
        rows: list[list[tuple[str, int]]] = []
        for line, start in row:
            if rows and after_border and _carries_on(line, rows[-1][0][0]):
                rows[-1].append((line, start))
            else:
                rows.append([(line, start)])
        for lines_of_row in rows:
            joined = _join_row(lines_of_row, origin) if len(lines_of_row) > 1 else None
            if joined is None:
                for line, start in lines_of_row:
                    emit(line, start)
                continue
            out.append(joined[0])
            out_origin.extend(joined[1])
            last_line, last_start = lines_of_row[-1]
            end = last_start + len(last_line)
            out_origin.append(origin[end] if end < len(origin) else len(origin))
        row.clear()

    for line in lines:
        if _BORDER.match(line):
            flush()
            emit(line, position)
            after_border = True
        elif "|" in line and (row or after_border or "|" in line.strip(" |")):
            row.append((line, position))
        else:
            flush()
            emit(line, position)
            after_border = False
        position += len(line) + 1
    flush()
    text_out = "\n".join(out)
    return text_out, out_origin[: len(text_out)]


def _carries_on(line: str, first: str) -> bool:
    """Whether a line carries on the row that `first` opened: it leaves a cell empty, or its first
    cell starts in lower case. `first` shows whether the table has outer borders (then the text
    outside them is no cell)."""
    cells = line.split("|")
    if not first.split("|")[0].strip():
        cells = cells[1:]
    if not first.split("|")[-1].strip():
        cells = cells[:-1]
    return any(not cell.strip() for cell in cells) or (bool(cells) and cells[0].strip()[:1].islower())


def _join_row(row: list[tuple[str, int]], origin: list[int]) -> tuple[str, list[int]] | None:
    """One line for a row whose lines all put their bars in the same places; None if they do not."""
    bars = [tuple(i for i, char in enumerate(line) if char == "|") for line, _ in row]
    if len(set(bars)) != 1 or len(bars[0]) < 1:
        return None
    edges = [-1, *bars[0], max(len(line) for line, _ in row)]
    if len(edges) - 1 < _MIN_COLUMNS:
        return None
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
