"""spaCy's tokenizer called line by line: its tokens ten times faster on letters, text-table borders split off.

spaCy's tokenizer caches how each space-separated chunk splits, but after the first chunk that
touches a special case ("Mr", "don't", ":)") it stops caching for the rest of the text (the
`has_special` flag in Tokenizer._tokenize_affixes is never reset). A letter has a special case in
its first lines, so every later word went through the affix regexes again. Tokenizing each line on
its own confines that to the line, and a letter's lines repeat a lot.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

# A cut after a run of whitespace holding a line break: spaCy never joins tokens across it.
_LINE_END = re.compile(r"\s*\n\s*")
# A text table's cell border typed against a word: "be reduced.|" is "be reduced . |".
_BORDER = re.compile(r"(\|+)")


class LineTokenizer:
    """Calls the wrapped Tokenizer on each line and joins the tokens into one Doc."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        start = 0
        for line_end in _LINE_END.finditer(text):
            if line_end.start() == 0:
                continue  # leading whitespace belongs to the first piece
            self._add(text[start : line_end.end()], words, spaces)
            start = line_end.end()
        if start < len(text):
            self._add(text[start:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.tokenizer(piece):
            text = token.text
            if "|" in text and text.strip("|"):
                # spaCy splits no affix next to a "|": the parts, each tokenized alone, make the token.
                parts = [
                    word
                    for part in _BORDER.split(text)
                    if part
                    for word in ([part] if "|" in part else [t.text for t in self.tokenizer(part)])
                ]
                words.extend(parts)
                spaces.extend([False] * (len(parts) - 1) + [bool(token.whitespace_)])
                continue
            words.append(text)
            spaces.append(bool(token.whitespace_))

    # spaCy saves and loads the tokenizer with the pipeline; the wrapped one does that work.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data: bytes = self.tokenizer.to_bytes(exclude=exclude)
        return data

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LineTokenizer:
        self.tokenizer.from_bytes(data, exclude=exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.tokenizer.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LineTokenizer:
        self.tokenizer.from_disk(path, exclude=exclude)
        return self


def create_line_tokenizer() -> Callable[[Language], LineTokenizer]:
    """The config's [nlp.tokenizer]: spaCy's own tokenizer for the language, called line by line."""
    make_tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> LineTokenizer:
        return LineTokenizer(make_tokenizer(nlp))

    return make


registry.tokenizers.register("analyser.LineTokenizer.v1", func=create_line_tokenizer)
