"""Rules: findings + situation -> verdict (temporary stub until the rules engine lands)."""


def check(letter, situation):
    raise NotImplementedError


def letter_warnings(letter):
    return []
