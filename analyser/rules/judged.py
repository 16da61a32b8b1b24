"""The date a letter is judged by: its own date, else its appointment's, else today; and the law then."""

from __future__ import annotations

from datetime import date

from analyser.result import JudgedAt, Letter
from analyser.rules.calendar import parse_day
from analyser.rules.parameters import Law, load_parameters


def law_for(letter: Letter, today: date | None = None) -> Law:
    """The law in force on the letter's date (else its appointment's date, else today)."""
    today = today or date.today()
    letter_date = parse_day(letter.letter_date)
    appointment_date = parse_day(letter.appointment.date) if letter.appointment else None
    parameters = load_parameters()
    if letter_date is not None:
        return Law(on=letter_date, judged_from="letter_date", today=today, parameters=parameters)
    if appointment_date is not None:
        return Law(on=appointment_date, judged_from="appointment_date", today=today, parameters=parameters)
    return Law(on=today, judged_from="today", today=today, parameters=parameters)


def judged_at(law: Law) -> JudgedAt:
    """The result's record of the date judged and where it came from."""
    return JudgedAt.model_validate({"date": law.on.isoformat(), "from": law.judged_from})
