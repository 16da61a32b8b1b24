"""How far two labellers agree: each relabelled blind round's writer labels beside an independent labeller's.

Usage: .venv/bin/python -m benchmarks.agreement

samples/blind/relabels/<round>.jsonl holds, for some rounds, a second labelling made after the round's
one measurement by a helper given the same labelling guide and the letters' texts only (never the
writer's labels). Where two careful labellers disagree, no reader can score above their agreement on
both at once: it is a ceiling on what the blind rounds can measure. The analyser is shown beside
them as it reads now (its model has trained on these rounds since: not first-touch figures).
"""

from __future__ import annotations

from collections import Counter

from analyser import analyse_text
from analyser.evaluate import CONFIDENCE_KEYS
from benchmarks.common import REPO, load_jsonl

RELABELS = REPO / "samples" / "blind" / "relabels"


def kappa(pairs: list[tuple[object, object]]) -> float:
    """Cohen's kappa: agreement beyond what two labellers with these label shares would reach by chance."""
    observed = sum(a == b for a, b in pairs) / len(pairs)
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(left[label] * right[label] for label in left) / len(pairs) ** 2
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def main() -> None:
    for relabel_path in sorted(RELABELS.glob("*.jsonl")):
        writer = {row["id"]: row for row in load_jsonl(RELABELS.parent / relabel_path.name)}
        second = {row["id"]: row for row in load_jsonl(relabel_path)}
        ids = sorted(writer.keys() & second.keys())
        found = {i: analyse_text(writer[i]["text"]).letter.model_dump(mode="json") for i in ids}
        print(f"{relabel_path.stem}  n={len(ids)}")
        for key, field in CONFIDENCE_KEYS.items():  # the letter's key, the gold label's
            pairs = [(writer[i][field], second[i][field]) for i in ids]
            agreed = [i for i in ids if writer[i][field] == second[i][field]]
            share = len(agreed) / len(ids)
            analyser_on_agreed = sum(found[i][key] == writer[i][field] for i in agreed) / max(1, len(agreed))
            print(
                f"  {field:18} labellers agree {share:.3f} (kappa {kappa(pairs):.3f})"
                f"  analyser now, on the letters they agree on: {analyser_on_agreed:.3f}"
            )


if __name__ == "__main__":
    main()
