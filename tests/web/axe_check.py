"""axe-core run on the page as it stands: every finding, of any impact, against WCAG 2.2 A/AA and best practice."""

from __future__ import annotations

import json

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def violations(page, axe_source: str) -> list[dict]:
    """Every axe violation (minor and moderate included: the page promises none at all)."""
    page.evaluate(axe_source)
    return page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag', values: TAGS}})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))""".replace(
            "TAGS", json.dumps(AXE_TAGS)
        )
    )
