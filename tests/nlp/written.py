"""Letter bodies written for the NLP tests, set between a real letter's head and sign-off and read."""

from __future__ import annotations

from dataclasses import dataclass

from analyser import analyse_text
from analyser.ingest import ingest_bytes
from analyser.nlp.read import Reading, read_with_keys


@dataclass(frozen=True)
class Office:
    head: str
    tail: str

    def letter(self, body: str, head: str | None = None) -> dict:
        """The findings for `body` sent from this office (or under another `head`), as the API gives them."""
        return analyse_text((head or self.head) + body + self.tail).letter.model_dump(mode="json")

    def reading(self, body: str) -> Reading:
        """`body` from this office read with what lies behind its findings: the rules' own answer and path."""
        return read_with_keys(ingest_bytes((self.head + body + self.tail).encode(), "letter.txt").pages)


KENDAL = Office(
    "Kendal Jobcentre\nStricklandgate\nKendal LA9 4QD\n\n4 June 2018\n\nMr T Example\n9 Fell View\nKendal\n\nDear Mr Example\n\n",
    "\n\nYours sincerely\n\nJ Garnett\n",
)
ASHFORD = Office(
    "Ashford Jobcentre Plus\nCharter House\nAshford TN24 8EZ\n\n12 March 2019\n\nMs A Reader\n2 Hill Road\nAshford\n\n"
    "Dear Ms Reader\n\n",
    "\n\nYours sincerely\n\nWork Coach\n",
)
WIGAN = Office(
    "Wigan Jobcentre\nMarket Street\nWigan WN1 1HP\n\n9 May 2019\n\nMs R Sample\n3 Pier Road\nWigan\n\nDear Ms Sample\n\n",
    "\n\nYours sincerely\n\nP Ashworth\n",
)
