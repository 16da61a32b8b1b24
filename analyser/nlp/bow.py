"""A bag-of-ngrams classifier over several token attributes, for short texts such as one sentence.

spaCy's TextCatBOW reads n-grams of exact spellings (ORTH). In one sentence there are few words,
so "Appointment" and "appointment", or "4 May 2015" and "12 June 2019", had better look alike:
this model reads n-grams of lower-cased words and of word shapes ("d Xxxxx dddd") side by side,
hashed into one sparse linear layer, as TextCatBOW does. It also skips TextCatBOW's per-text
`numpy.unique` of the keys (a sparse linear layer sums repeated keys the same way), which was most
of the cost on letters of thirty sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy
from spacy.attrs import intify_attr
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain
from thinc.types import Ints1d

# Keys of one attribute are moved apart from another's (multiplied by an odd constant of its own,
# modulo 2**64), so a shape never shares a weight with a word.
_SALTS = [numpy.uint64((0x9E3779B97F4A7C15 * (2 * number + 1)) % 2**64) for number in range(8)]


def ngram_keys(model: Model[Any, Any], texts: Sequence[Any], is_train: bool) -> tuple[Any, Any]:
    """Every n-gram key of every text (anything with `len` and `to_array`, as a Doc or a Span has),
    with a count of 1 each, and how many keys each text has.

    The texts are joined and their n-grams taken in one pass per attribute and size, keeping those
    that do not cross from one text into the next: a letter's thirty sentences cost one pass, not
    thirty."""
    attrs = model.attrs["attrs"]
    sizes = numpy.array([len(text) for text in texts], dtype="int64")
    if not sizes.sum():
        empty = numpy.zeros(0, dtype="uint64")
        return (empty, numpy.zeros(0, dtype="f"), numpy.zeros(len(texts), dtype="int32")), _no_gradient
    columns = numpy.concatenate(
        [text.to_array(attrs).reshape(len(text), len(attrs)) for text in texts if len(text)]
    ).astype("uint64")
    owner = numpy.repeat(numpy.arange(len(texts)), sizes)  # which text each token is in
    keys, owners = [], []
    for number in range(len(attrs)):
        unigrams = numpy.ascontiguousarray(columns[:, number]) * _SALTS[number]
        for n in range(1, model.attrs["ngram_size"] + 1):
            if len(unigrams) < n:
                break
            grams = unigrams if n == 1 else model.ops.ngrams(n, cast(Ints1d, unigrams))
            inside = owner[: len(owner) - n + 1] == owner[n - 1 :]
            keys.append(numpy.asarray(grams)[inside])
            owners.append(owner[: len(owner) - n + 1][inside])
    order = numpy.argsort(numpy.concatenate(owners), kind="stable")
    batch_keys = numpy.concatenate(keys)[order]
    lengths = numpy.bincount(numpy.concatenate(owners), minlength=len(texts)).astype("int32")
    return (batch_keys, numpy.ones(len(batch_keys), dtype="f"), lengths), _no_gradient


def _no_gradient(_: Any) -> list[Any]:
    return []  # the keys are inputs, not weights


def attribute_bow(nO: int | None, ngram_size: int, length: int, attrs: list[str]) -> Model[Any, Any]:
    """Sigmoid scores per label from hashed n-grams of each attribute in `attrs` (e.g. LOWER, SHAPE)."""
    extract: Model[Any, Any] = Model("ngram_keys", ngram_keys)
    extract.attrs["attrs"] = [intify_attr(attr) for attr in attrs]
    extract.attrs["ngram_size"] = ngram_size
    linear = SparseLinear_v2(nO=nO, length=length)
    model: Model[Any, Any] = chain(extract, linear, Logistic())
    model.set_ref("output_layer", linear)
    model.attrs["multi_label"] = True
    return model


registry.architectures.register("analyser.AttributeBOW.v1", func=attribute_bow)
