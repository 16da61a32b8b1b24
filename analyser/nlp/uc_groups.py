"""A Universal Credit letter's answers by group under UC's own group names, not the ESA groups'."""

from __future__ import annotations

import re

# Universal Credit has no support group or WRAG: a UC letter's "if you have LCWRA" names the no
# work-related requirements group, and "LCW only" the work preparation group (Welfare Reform Act
# 2012, s.19(2)(a) and s.21). Only a letter that names the ESA groups themselves means them ("the
# work-related activity group", not "... work and work-related activity group", which is LCWRA).
_UC_NAMES = {
    "support_group": (
        "no_work_related_requirements",
        re.compile(r"(?<!local )(?<!peer )support\W+group", re.I),
    ),
    "wrag": (
        "work_preparation",
        re.compile(r"(?<!and )(?<!for )work\W+related\W+activity\W+group|\bwrag\b", re.I),
    ),
}


def in_uc_terms(by_group: dict[str, str] | None, benefits: list[str], text: str) -> dict[str, str] | None:
    """A Universal Credit letter's answers by group under UC's own group names (see _UC_NAMES); a letter
    that names ESA too (`benefits`, as extract.benefits_mentioned found them) keeps the ESA names."""
    if not by_group or "universal_credit" not in benefits or "esa" in benefits:
        return by_group
    renamed = {group: _UC_NAMES[group][0] for group in by_group if group in _UC_NAMES}
    renamed = {group: uc for group, uc in renamed.items() if not _UC_NAMES[group][1].search(text)}
    # An answer said of the UC group by its own name wins over one renamed into it.
    named = {group: answer for group, answer in by_group.items() if group not in renamed}
    for group, uc in renamed.items():
        named.setdefault(uc, by_group[group])
    return named
