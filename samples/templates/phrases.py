"""Phrase pools; each carries its labelling meaning, so labels follow from the parts chosen."""

from __future__ import annotations

# --------------------------------------------------------------------------------------------------
# Phrase pools. Each pool carries its labelling meaning, so labels follow from the parts chosen.
# --------------------------------------------------------------------------------------------------

MUST = [
    "You must {verb}.",
    "You are required to {verb}.",
    "It is a condition of your {benefit} that you {verb}.",
    "You need to {verb}.",
    "You have to {verb}.",
    "We expect you to {verb}.",
]
ASK_ONLY = ["Please {verb}.", "We would like you to {verb}.", "We have booked this for you. Please {verb}."]
THREATS = [
    "If you {fail} without {reason}, your {benefit} may be affected.",
    "If you {fail} and do not have {reason}, your {benefit} could be reduced.",
    "If you {fail} without {reason}, you may get a sanction. This means we will reduce your payments.",
    "If you {fail}, we may stop your payments.",
    "Your {benefit} could be stopped or reduced if you {fail} without {reason}.",
]
IS_THREATS = ["If you {fail} without {reason}, your {benefit} may be reduced by 20%."]
COMMITMENT_THREATS = [
    "Your payment can be reduced if you don't keep a commitment without {reason}. This is known as a sanction.",
]
WCA_THREATS = [
    "If you {fail} without {reason}, we may decide that you are capable of work and your {benefit} could stop.",
    "If you {fail} and cannot show {reason}, your {benefit} may be stopped.",
]
PIP_THREATS = [
    "If you fail to attend without {reason}, the decision maker is likely to disallow your claim.",
    "If you {fail} without {reason}, your claim may be refused and your {benefit} will not be paid.",
]
NEGATED = [
    "This will not affect your {benefit}.",
    "You will not be sanctioned if you decide not to come.",
    "Your {benefit} will not be affected if you choose not to take part.",
    "You cannot be sanctioned for not going.",
    "If you do not come, your payments will not be reduced or stopped.",
]
VOLUNTARY = [
    "This {thing} is voluntary.",
    "You do not have to come to this {thing}.",
    "It is up to you whether you take part.",
    "Taking part is optional.",
    "You don't have to attend, but we hope you will.",
]
FURNITURE = [
    "If your circumstances change, tell us straight away or you may be paid the wrong amount.",
    "If you give us information that is wrong or incomplete, you could be prosecuted or have to pay a penalty.",
    "Please bring this letter with you.",
]
ALT_FORMATS = [
    "If you need this letter in large print, Braille or audio, or in another format, please contact us.",
    "We have other ways we can communicate with you, such as Braille, large print or British Sign Language.",
    "This letter is available in other formats. Ask us if you need one.",
]
WELSH_LINE = "Os hoffech gael y llythyr hwn yn Gymraeg, ffoniwch ni."
WORK_HEAVY = (
    "This assessment looks at your capability for work and your capability for work-related activity. "
    "It is not a job interview and nobody will ask you to look for work. Your work coach will not be there. "
    "The healthcare professional will ask how your condition affects your ability to work, whether you "
    "could do some work-related activity, and about any work you have done in the past. If you are "
    "working now, tell them how many hours you work."
)
