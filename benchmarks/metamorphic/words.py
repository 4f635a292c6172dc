"""Word segmentation for the generators: a private jieba instance, so that words the engine adds
to jieba's global dictionary never change a generated case."""

from __future__ import annotations

import functools
import logging
import re

from benchmarks.metamorphic import lexicon

HAN_RE = re.compile(r"^[\u4e00-\u9fff]+$")
NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两")
MEASURE_SUFFIXES = frozenset("率数额量")  # jieba tags 率 as a verb (率领); at the end it names a rate


@functools.cache
def tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


@functools.cache
def pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


def content_words(text: str, longest: int = 4) -> list[tuple[int, str]]:
    """(start, word) for each Chinese content word of 2..longest characters (no numerals)."""
    out, start = [], 0
    for word in tokenizer().lcut(text, HMM=False):
        if (
            2 <= len(word) <= longest
            and HAN_RE.match(word)
            and word not in lexicon.FUNCTION_WORDS
            and not NUMERAL_CHARS.intersection(word)
        ):
            out.append((start, word))
        start += len(word)
    return out


def drop_final_verb(phrase: str) -> str:
    """ "给企业的合规提醒一共写" → "给企业的合规提醒": a bare one-character verb at the end (and an
    adverb of sum before it) belongs to the ask, not to the subject."""
    tokens = pos_tokenizer().lcut(phrase)
    last = tokens[-1] if tokens else None
    if len(tokens) < 2 or len(last.word) != 1 or not last.flag.startswith("v") or last.word in MEASURE_SUFFIXES:
        return phrase
    tokens.pop()
    while tokens and tokens[-1].word in ("一共", "总共", "共", "又", "都", "还"):
        tokens.pop()
    rest = "".join(t.word for t in tokens)
    return rest if len(rest) >= 3 else phrase
