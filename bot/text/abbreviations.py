"""Staff abbreviations read as the report's terms: "人调" → 人民调解, "行复" → 行政复议, "政服" → 政务服务.

Chinese shortens a term of two words to the first character of each. The table is built from
the report itself, so a next year's report brings its own: a term is four characters the
report writes at least twice, a noun (or an activity's name) and then a noun, an activity or a
verb (人民 + 调解, 行政 + 复议). Its abbreviation is kept when the report never writes it, it is
no word of the dictionary, and no other term shortens to it. In a message, an abbreviation is
expanded only where neither of its characters makes a common word with the character beside it
("个人调解" keeps 个人 and 调解; "人调成功率" is 人民调解成功率, 调成 being rare).
`Abbreviations.from_knowledge(knowledge)` builds the table of a pack once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.text import lexicon

MIN_TERM_COUNT = 2  # a term the report writes this often
MIN_WORD_COUNT = 50  # a word this common beside an abbreviation was typed as that word (个人, not 调成)
_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")


def _named(word: str) -> bool:
    return lexicon.is_noun(word) or lexicon.is_activity(word)


class Abbreviations:
    def __init__(self, texts: Iterable[str]):
        texts = list(texts)
        words = lexicon.words()
        counts: Counter[str] = Counter()
        pairs: set[str] = set()
        for text in texts:
            for run in _RUN_RE.findall(text):
                pairs.update(run[i : i + 2] for i in range(len(run) - 1))
                for i in range(len(run) - 3):
                    term = run[i : i + 4]
                    if _named(term[:2]) and (_named(term[2:]) or lexicon.is_verb(term[2:])):
                        counts[term] += 1
        found: dict[str, set[str]] = {}
        for term, count in counts.items():
            if count >= MIN_TERM_COUNT:
                found.setdefault(term[0] + term[2], set()).add(term)
        self.table = {
            short: next(iter(terms))
            for short, terms in found.items()
            if len(terms) == 1 and short not in pairs and short not in words
        }
        self._re = re.compile("|".join(map(re.escape, sorted(self.table)))) if self.table else None

    @classmethod
    def from_knowledge(cls, knowledge) -> Abbreviations:
        return cls([knowledge.report])

    def expand(self, text: str) -> str:
        """`text` with each abbreviation standing on its own written as its term."""
        if self._re is None:
            return text
        words = lexicon.words()

        def term(match: re.Match) -> str:
            start, end = match.span()
            if start and words.get(text[start - 1 : start + 1], 0) >= MIN_WORD_COUNT:
                return match.group(0)  # "个人调解": 个人 is a word
            if words.get(text[end - 1 : end + 1], 0) >= MIN_WORD_COUNT:
                return match.group(0)  # "人调解" → 调解 is a word
            return self.table[match.group(0)]

        return self._re.sub(term, text)
