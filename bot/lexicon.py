"""A Chinese word list (jieba's dictionary), read on first use.

Used only to name what a report lacks: a decline says "报告中没有关于“离婚”的内容" only for a
real word, never for a fragment such as "用跑" cut out of "不用跑来跑去".
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "dict.txt"
    try:
        with open(path, encoding="utf-8") as handle:
            return frozenset(line.split(" ", 1)[0] for line in handle if line.strip())
    except OSError:
        return frozenset()


def words_in(text: str, min_len: int = 2, max_len: int = 6) -> list[str]:
    """Dictionary words of `text` by forward maximum matching (明天天气 → 明天, 天气), longest
    first and, among equals, the later one first (a question's subject tends to come last)."""
    lexicon = words()
    found: list[str] = []
    i = 0
    while i < len(text):
        for j in range(min(len(text), i + max_len), i + min_len - 1, -1):
            if text[i:j] in lexicon:
                found.append(text[i:j])
                i = j
                break
        else:
            i += 1
    order = {w: k for k, w in enumerate(found)}
    return sorted(dict.fromkeys(found), key=lambda w: (-len(w), -order[w]))
