"""The rules engine: judges a Letter against a Situation by matching the rows of requirements.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from analyser.result import WRONGFUL, Check, Flags, Letter, Reason, Situation, Verdict
from analyser.rules.calendar import appointment_passed
from analyser.rules.conflicts import conflicts, situation_warnings
from analyser.rules.facts import PENSION_AGE, facts_on, pension_age_reasons
from analyser.rules.judged import judged_at, law_for
from analyser.rules.parameters import Law
from analyser.rules.rows import Derivation, Kind, Option, Requirement, Unknown
from analyser.rules.rulebook import Rulebook, RulesDataError, load_rulebook

# The most protective answer first: any exemption that applies to a person is enough.
PROTECTIVE_ORDER = ("no", "trigger_points", "yes")
# The one reason the engine writes itself: the letter's own statement for the person's group.
ATTENDANCE_FOR_GROUP_CODE = "LETTER_STATES_ATTENDANCE_FOR_GROUP"


@dataclass(frozen=True)
class _Reading:
    """One reading of the person's situation: as given, or with a guess for something unknown."""

    flags: Flags
    stated_group: str | None
    facts: frozenset[str] = frozenset()  # worked out from the flags on the date judged
    labels: tuple[str, ...] = ()
    guessed: tuple[Unknown, ...] = ()
    group: str | None = None  # the effective group, once placed
    derivation: Derivation | None = None  # the row that put it there, if not the stated group

    def guess(self, unknown: Unknown, option: Option) -> _Reading:
        """This reading with one option of an unknown filled in."""
        return _Reading(
            flags=self.flags.model_copy(update=option.flags),
            stated_group=option.group or self.stated_group,
            facts=self.facts,
            labels=(*self.labels, option.label),
            guessed=(*self.guessed, unknown),
        )


@dataclass
class _Judgement:
    """What the rules say about one reading."""

    reading: _Reading
    answer: str
    attendance: str
    verdict: Verdict
    deciding: list[Requirement]
    reasons: list[Reason] = field(default_factory=list)  # the rules' reasons for this reading
    letter_reasons: list[Reason] = field(default_factory=list)  # what the letter demands of it


def check(letter: Letter, situation: Situation, today: date | None = None) -> Check:
    """Judge whether the letter's demand is likely wrongful for this person, by the law on the letter's date."""
    book = load_rulebook()
    kind = book.kind_of(letter.type)
    law = law_for(letter, today)
    readings = _readings(book, situation, letter, law)
    groups = {reading.group for reading in readings}
    effective_group = groups.pop() if len(groups) == 1 else None
    when = judged_at(law)
    disagreements = conflicts(book, letter, situation, law, _if_letter_right)
    passed = appointment_passed(letter, today)

    if kind is None or (letter.attendance == "none" and not letter.attendance_by_group):
        row = book.not_applicable_for(letter.type)
        return Check(
            situation=situation,
            verdict="not_applicable",
            effective_group=effective_group,
            reasons=[book.reason(row)],
            next_steps=list(row.next_steps),
            judged_at=when,
            conflicts=disagreements,
            appointment_passed=passed,
        )

    judgements = [_judge(book, kind, situation.benefit, letter, reading, law) for reading in readings]
    verdict = _combined_verdict(judgements)
    return Check(
        situation=situation,
        verdict=verdict,
        effective_group=effective_group,
        reasons=_merged_reasons(book, judgements),
        next_steps=_next_steps(book, verdict, situation, judgements, passed),
        warnings=situation_warnings(book, letter, situation),
        judged_at=when,
        conflicts=disagreements,
        appointment_passed=passed,
    )


def letter_warnings(letter: Letter) -> list[str]:
    """Warnings about a letter that contradicts itself, needing no situation: it exempts, then demands."""
    book = load_rulebook()
    kind = book.kind_of(letter.type)
    stated = book.stated_group(letter)
    if kind is None or stated is None:
        return []
    benefit, group, stated_words = stated
    law = law_for(letter)
    situation = Situation(benefit=benefit, group=group)
    judgements = [
        _judge(book, kind, benefit, letter, r, law) for r in _readings(book, situation, letter, law)
    ]
    # Only firm law counts here: a hedged exemption is not enough to call the letter self-contradictory.
    contradicts = all(
        j.verdict == "likely_wrongful" and not any(book.is_hedged(row, law) for row in j.deciding)
        for j in judgements
    )
    if not contradicts:
        return []
    attendance, sanction, _ = attendance_for(letter, group)
    demands = [
        text
        for text, present in (
            (book.messages.demand_mandatory, attendance == "mandatory"),
            (book.messages.demand_threat, sanction),
        )
        if present
    ]
    return [
        book.messages.letter_contradiction.format(
            stated=stated_words,
            action=book.kinds[kind].action,
            demand=" and ".join(demands),
        )
    ]


def _readings(book: Rulebook, situation: Situation, letter: Letter, law: Law) -> list[_Reading]:
    """The situation as given, or one reading per likely option of whatever is unknown, each placed in its group."""
    # The person's own answer beats the letter's: they may have moved group since it was written.
    stated = situation.group or (letter.esa_group_stated if situation.benefit == "esa" else None)
    flags = situation.flags
    if situation.benefit == "esa" and not law.value("esa_new_style_exists"):
        flags = flags.model_copy(update={"esa_style": "old"})  # before 2013 every ESA claim was old style
    readings = [_Reading(flags=flags, stated_group=stated, facts=facts_on(flags, law.on))]
    for unknown in book.unknowns:
        if situation.benefit in unknown.benefit:
            readings = [
                expanded
                for reading in readings
                for expanded in (
                    [reading.guess(unknown, option) for option in unknown.options]
                    if _is_missing(book, unknown, situation.benefit, reading, law)
                    else [reading]
                )
            ]
    return [_placed(book, situation.benefit, reading, law) for reading in readings]


def _placed(book: Rulebook, benefit: str, reading: _Reading, law: Law) -> _Reading:
    group, derivation = _effective_group(book, benefit, reading, law)
    return replace(reading, group=group, derivation=derivation)


def _is_missing(book: Rulebook, unknown: Unknown, benefit: str, reading: _Reading, law: Law) -> bool:
    if unknown.missing == "esa_style":
        return reading.flags.esa_style is None
    return _effective_group(book, benefit, reading, law)[0] is None


def _effective_group(
    book: Rulebook, benefit: str, reading: _Reading, law: Law
) -> tuple[str | None, Derivation | None]:
    """The least demanding of the stated group and every group the flags put the person in."""
    candidates: list[tuple[int, int, str, Derivation | None]] = []
    if reading.stated_group:
        candidates.append((book.groups[reading.stated_group].precedence, 0, reading.stated_group, None))
    for row in book.derivations:
        if row.applies_to.matches(benefit, reading.stated_group, reading.flags, reading.facts, law):
            candidates.append((book.groups[row.group].precedence, 1, row.group, row))
    if not candidates:
        return None, None
    _, _, group, derivation = min(candidates, key=lambda candidate: candidate[:2])
    return group, derivation


def attendance_for(letter: Letter, *groups: str | None) -> tuple[str, bool, str | None]:
    """The letter's attendance and threat for the first of `groups` it answers for (under the keys of
    Rulebook.letter_keys), and that group (else None)."""
    by_group = letter.attendance_by_group or {}
    book = load_rulebook()
    for group in filter(None, groups):
        for key in book.letter_keys(group, letter):
            if key in by_group:
                attendance = by_group[key]
                # A threat the letter addresses to other groups does not count against a group it calls voluntary.
                return attendance, letter.sanction_language and attendance != "voluntary", group
    return letter.attendance, letter.sanction_language, None


def _judge(
    book: Rulebook, kind: Kind, benefit: str, letter: Letter, reading: _Reading, law: Law
) -> _Judgement:
    """Apply the requirement rows and the verdict table to one reading placed in its effective group."""
    group, derivation = reading.group, reading.derivation
    rows = [
        row
        for row in book.requirements
        if row.kind == kind and row.applies_to.matches(benefit, group, reading.flags, reading.facts, law)
    ]
    if not rows:
        raise RulesDataError(f"no requirement row for {kind} / {benefit} / group {group} / {reading.flags}")
    answer = min((row.can_be_required for row in rows), key=PROTECTIVE_ORDER.index)
    deciding = [row for row in rows if row.can_be_required == answer]
    attendance, sanction, letter_group = attendance_for(letter, group, reading.stated_group)
    judgement = _Judgement(
        reading=reading,
        answer=answer,
        attendance=attendance,
        verdict=book.verdict(answer, attendance, sanction),
        deciding=deciding,
    )
    age = reading.flags.lone_parent_youngest_child_age
    if PENSION_AGE in reading.facts and any(
        PENSION_AGE in row.applies_to.facts for row in [*deciding, derivation] if row
    ):
        judgement.reasons += pension_age_reasons(book, reading.flags)
    if derivation is not None and derivation.reason and derivation.group != reading.stated_group:
        judgement.reasons.append(book.reason(derivation, law, age))
    judgement.reasons += [book.reason(row, law, age) for row in deciding]
    if answer != "yes":
        judgement.letter_reasons = _letter_reasons(book, letter, attendance, sanction, letter_group)
    return judgement


def _letter_reasons(
    book: Rulebook, letter: Letter, attendance: str, sanction: bool, letter_group: str | None
) -> list[Reason]:
    """What the letter demands of this person, in its own words where the NLP found them."""
    source = book.messages.letter_source
    if letter_group is not None:
        text = book.messages.attendance_for_group.format(
            attendance=book.messages.attendance_words[attendance], group=book.groups[letter_group].label
        )
        if letter.sanction_language and not sanction:
            text += " " + book.messages.threat_for_other_groups
        return [Reason(code=ATTENDANCE_FOR_GROUP_CODE, text=text, source=source)]
    note = book.letter_note(attendance, sanction)
    if note is None:
        return []
    quote = next(
        (e.text for label in note.quote_labels for e in letter.evidence if e.label == label),
        None,
    )
    text = note.text + (book.messages.quote.format(quote=" ".join(quote.split())) if quote else "")
    return [Reason(code=note.code, text=text, source=source)]


def _combined_verdict(judgements: list[_Judgement]) -> Verdict:
    """One verdict from the readings: unanimous, or possibly_wrongful if any reading finds it wrongful."""
    verdicts = {j.verdict for j in judgements}
    if len(verdicts) == 1:
        return verdicts.pop()
    if not verdicts.isdisjoint(WRONGFUL):
        return "possibly_wrongful"
    return "no_concern" if "no_concern" in verdicts else "not_applicable"


def _merged_reasons(book: Rulebook, judgements: list[_Judgement]) -> list[Reason]:
    """Every reading's reasons once each; a rule that holds for only some readings says which."""
    # First, whatever is unknown and changes the answer: the reader should find that out.
    unknowns = {u.code: u for j in judgements for u in j.reading.guessed}
    reasons = [book.reason(u) for u in unknowns.values() if _changes_verdict(u, judgements)]
    holders: dict[tuple[str, str], tuple[Reason, list[_Reading]]] = {}
    for judgement in judgements:
        for reason in judgement.reasons:
            holders.setdefault((reason.code, reason.text), (reason, []))[1].append(judgement.reading)
    all_readings = [j.reading for j in judgements]
    for reason, readings in holders.values():
        if len(readings) == len(all_readings):
            reasons.append(reason)
        else:
            condition = _condition(readings, all_readings)
            text = book.messages.if_condition.format(condition=condition, text=reason.text)
            reasons.append(reason.model_copy(update={"text": text}))
    # What the letter says is the same whoever reads it, so it is said once, without an "if".
    letter_reasons = {(r.code, r.text): r for j in judgements for r in j.letter_reasons}
    return reasons + list(letter_reasons.values())


def _changes_verdict(unknown: Unknown, judgements: list[_Judgement]) -> bool:
    """Whether two readings that differ only in this unknown's option get different verdicts."""
    own_labels = {option.label for option in unknown.options}
    verdicts_by_rest: dict[tuple[str, ...], set[str]] = {}
    for j in judgements:
        rest = tuple(label for label in j.reading.labels if label not in own_labels)
        verdicts_by_rest.setdefault(rest, set()).add(j.verdict)
    return any(len(verdicts) > 1 for verdicts in verdicts_by_rest.values())


def _condition(readings: list[_Reading], all_readings: list[_Reading]) -> str:
    """The shortest description of `readings` among `all_readings` ("are in the support group")."""
    common = set.intersection(*(set(r.labels) for r in readings))
    if common and [r for r in all_readings if common <= set(r.labels)] == readings:
        return " and ".join(label for label in readings[0].labels if label in common)
    return " or ".join(" and ".join(r.labels) for r in readings)


def _next_steps(
    book: Rulebook, verdict: Verdict, situation: Situation, judgements: list[_Judgement], passed: bool
) -> list[str]:
    attendances = {j.attendance for j in judgements}
    answers = {j.answer for j in judgements}
    is_carer = any(getattr(j.reading.flags, name) for j in judgements for name in book.carer_flags)
    mixed = len({(j.verdict, j.attendance, j.answer) for j in judgements}) > 1
    return [
        step.text
        for step in book.next_steps
        if verdict in step.verdict
        and (step.attendance is None or attendances <= set(step.attendance))
        and (step.benefit is None or situation.benefit in step.benefit)
        and (step.is_carer is None or step.is_carer == is_carer)
        and (step.can_be_required is None or answers & set(step.can_be_required))
        and (step.mixed is None or step.mixed == mixed)
        and (step.upcoming is None or step.upcoming != passed)
    ]


def _if_letter_right(book: Rulebook, letter: Letter, situation: Situation, law: Law) -> Verdict | None:
    """The verdict were the letter's stated group right (for a conflict's "if the letter is right")."""
    kind = book.kind_of(letter.type)
    if kind is None or letter.esa_group_stated is None or letter.attendance == "none":
        return None
    as_stated = situation.model_copy(update={"group": letter.esa_group_stated})
    judgements = [
        _judge(book, kind, situation.benefit, letter, reading, law)
        for reading in _readings(book, as_stated, letter, law)
    ]
    return _combined_verdict(judgements)
