"""Homophone typos read as the knowledge's own words: "企页" → 企业, "政腑" → 政府, "敷议" → 复议.

An input method writes a word of the same sound with the wrong character. A pair of characters
is read as a knowledge word when all of these hold, so that ordinary text is never rewritten:
  * the pair is not in the knowledge and is not a word of the dictionary (企页, not 比利);
  * exactly one word of the knowledge sounds the same (toneless pinyin) and shares one character
    with it, in the same place (one character was mistyped: "正府" is 政府, not 增幅), and the
    mistyped one is not a common word alone (是, 有, 说 are typed on purpose);
  * neither character makes a word with its other neighbour (哪里推介 is not 哪力推介), and the
    one to change makes no pair of the knowledge with its other neighbour (询问室有 stays).
A word of two typed with both characters by sound ("出庭因素率") is the knowledge's word when the
four characters around it sound as exactly one run of the knowledge does, its ends as typed.
`HomophoneFixer.from_knowledge(knowledge)` builds the table of a pack once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from bot.text import lexicon
from bot.text.normalize import pinyin_key

_HANZI_RE = re.compile(r"[\u4e00-\u9fff]{2}")
MAX_TYPO_FREQUENCY = 10000  # a character this common as a word alone is taken as written
SWAP_RARITY = 20  # a pair typed round the wrong way is a typo when its reverse is this much more used
SWAP_ALONE = 50000  # a character this common alone (了, 的, 好) is never one of a pair typed round
_NUMERALS = set("零〇一二两三四五六七八九十百千万亿半几")
_TRIPLE_RE = re.compile(r"[\u4e00-\u9fff]{3}")
_QUAD_RE = re.compile(r"[\u4e00-\u9fff]{4}")


ASKING_WORDS = Path(__file__).resolve().parent.parent / "data" / "asking_words.txt"


@cache
def asking_words(path: Path = ASKING_WORDS) -> tuple[str, ...]:
    """Words of asking about a report (报告, 标题, 举措, 数据 …): known words as much as the report's."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(word for line in lines if not line.startswith("#") for word in line.split())


class HomophoneFixer:
    def __init__(self, texts: Iterable[str]):
        self.pairs: set[str] = set()
        for text in texts:
            for run in re.findall(r"[\u4e00-\u9fff]+", text):
                self.pairs.update(run[i : i + 2] for i in range(len(run) - 1))
        words = lexicon.words()
        by_sound: dict[str, set[str]] = {}
        for pair in self.pairs:
            if pair in words:
                by_sound.setdefault(pinyin_key(pair), set()).add(pair)
        self.by_sound = by_sound  # every word of the knowledge of one sound ("增幅", "政府")
        # three characters of the knowledge by sound: "成功吕" is 成功率 though 功吕 straddles 成功
        triples: dict[str, set[str]] = {}
        for text in texts:
            # a name of three the report quotes (“营商码”, “湘易办”): "营商马" typed by sound is it
            for name in re.findall(r"“([\u4e00-\u9fff]{3})”", text):
                triples.setdefault(pinyin_key(name), set()).add(name)
            for run in re.findall(r"[\u4e00-\u9fff]+", text):
                for i in range(len(run) - 2):
                    # a word of three (成功率), or a rate's name ending in 率 (可办率, 和解率): not any
                    # three characters
                    if run[i : i + 3] in words or (run[i + 2] == "率" and run[i : i + 2] in self.pairs):
                        triples.setdefault(pinyin_key(run[i : i + 3]), set()).add(run[i : i + 3])
        self.triples = {key: next(iter(found)) for key, found in triples.items() if len(found) == 1}
        # four characters of the knowledge by sound, whose middle or end is a word of two
        # ("庭应诉率"): "出庭因素率" typed by sound is 出庭应诉率
        quads: dict[str, set[str]] = {}
        self.runs3: set[str] = set()  # every three characters of the knowledge as written
        # the knowledge's runs of characters, one string: four characters are looked up in it
        # only when a common character is read as mistyped (rare), so no set of every four
        self.written = "|".join(run for text in texts for run in re.findall(r"[\u4e00-\u9fff]+", text))
        for text in texts:
            for run in re.findall(r"[\u4e00-\u9fff]+", text):
                self.runs3.update(run[i : i + 3] for i in range(len(run) - 2))
                for i in range(len(run) - 3):
                    quads.setdefault(pinyin_key(run[i : i + 4]), set()).add(run[i : i + 4])
        self.quads = {key: next(iter(found)) for key, found in quads.items() if len(found) == 1}
        self.quad_words = set(self.quads.values())  # looked up per message: a set, never a scan
        self.triple_heads = {word[:2] for word in self.triples.values()}  # checked before any sound
        # words of four, or two words of two side by side, in the knowledge as segmented ("法律援助",
        # never the 市民 of 全市|民商事): the runs of four a mistyped half is read as
        self.word_quads: set[str] = set()
        for text in texts:
            for run in re.findall(r"[\u4e00-\u9fff]+", text):
                tokens = lexicon.segment(run)
                self.word_quads.update(a + b for a, b in zip(tokens, tokens[1:]) if len(a) == len(b) == 2)
                self.word_quads.update(t for t in tokens if len(t) == 4)  # "法律援助" as one word

    @classmethod
    def from_knowledge(cls, knowledge) -> HomophoneFixer:
        texts = [knowledge.report, *asking_words()]
        for entry in knowledge.entries.values():
            texts += [entry.title, entry.answer, *entry.phrasings]
        return cls(texts)

    def fix(self, text: str) -> str:
        """`text` with each pair typed the wrong way round put right ("立法系联点"), each mistyped
        pair written as the knowledge's word of the same sound, then each mistyped last character
        of three whose first two are the knowledge's ("成功吕")."""
        return self._fix_words(self._fix_triples(self._fix_pairs(self._fix_swaps(text))))

    def _fix_words(self, text: str) -> str:
        """A word of two typed with both characters of the same sound as the knowledge's, between
        two characters as the knowledge writes them ("出庭因素率": 庭…率 around 应诉)."""
        out = list(text)
        for i in range(len(text) - 3):
            quad = "".join(out[i : i + 4])
            if not _QUAD_RE.fullmatch(quad) or quad[1:3] in self.pairs or any(c in _NUMERALS for c in quad):
                continue
            found = self.quads.get(pinyin_key(quad))
            if not found or found[0] != quad[0] or found[3] != quad[3] or found[1:3] not in lexicon.words():
                continue  # the two around it as typed, the two inside the knowledge's word
            if found[1] == quad[1] or found[2] == quad[2]:
                continue  # one character off: the pairs read it
            out[i + 1 : i + 3] = list(found[1:3])
        return self._fix_halves("".join(out))

    def _fix_halves(self, text: str) -> str:
        """Four characters typed by sound, one half as the knowledge writes it and the other
        mistyped, as one knowledge run of four sounds whose halves are dictionary words
        ("发率援助", "法率援助": 法律援助)."""
        out = list(text)
        words = lexicon.words()
        for i in range(len(text) - 3):
            quad = "".join(out[i : i + 4])
            if not _QUAD_RE.fullmatch(quad) or any(c in _NUMERALS for c in quad) or quad in self.quad_words:
                continue
            found = self.quads.get(pinyin_key(quad))
            if not found or found not in self.word_quads or any(c in _NUMERALS for c in found):
                continue  # a word or two of the knowledge as segmented ("几个立法" is no name)
            for kept, typed in ((slice(2, 4), slice(0, 2)), (slice(0, 2), slice(2, 4))):
                if found[kept] == quad[kept] and quad[typed] not in words and quad[typed] not in self.pairs:
                    out[i : i + 4] = list(found)  # (a word as typed stays)
                    break
        return "".join(out)

    def _fix_swaps(self, text: str) -> str:
        """Two characters typed the wrong way round: a pair not of the knowledge, and no word
        much used, whose reverse is the knowledge's and joins its neighbours as the knowledge
        writes them ("立法系联点": 联系 of 联系点; "法咨律询": 律咨 of 法律咨询, both neighbours)."""
        words = lexicon.words()
        out = list(text)
        for i in range(len(text) - 1):
            pair = "".join(out[i : i + 2])
            swapped = pair[::-1]
            if not _HANZI_RE.fullmatch(pair) or pair in self.pairs or swapped not in self.pairs:
                continue
            if any(c in _NUMERALS or words.get(c, 0) >= SWAP_ALONE for c in pair):
                continue  # "跑了好几个": 了, 的, 好 stand alone wherever they are typed
            used = words.get(swapped, 0)
            if words.get(pair, 0) * SWAP_RARITY > used:
                continue  # a word as typed, not far rarer than its reverse ("律法" of 法律 is a typo)
            before = out[i - 1] + swapped[0] if i > 0 else ""
            after = swapped[1] + out[i + 2] if i + 2 < len(out) else ""
            joined = (before in self.pairs) + (after in self.pairs)
            # one neighbour is enough for a word of its own (联系) that no word as typed straddles
            # as much used ("法系联": 法系), and neither character is typed alone on purpose (有)
            alone = any(words.get(c, 0) >= MAX_TYPO_FREQUENCY for c in pair)
            straddled = max(
                words.get(out[i - 1] + pair[0], 0) if i > 0 else 0,
                words.get(pair[1] + out[i + 2], 0) if i + 2 < len(out) else 0,
            )
            # at the message's start or end, the one neighbour there is is every neighbour ("律法咨询")
            sides = (i > 0 and "\u4e00" <= out[i - 1] <= "\u9fff") + (
                i + 2 < len(out) and "\u4e00" <= out[i + 2] <= "\u9fff"
            )
            if joined == 2 or (joined == sides == 1) or (joined == 1 and used and not alone and straddled < used):
                out[i : i + 2] = list(swapped)
        return "".join(out)

    def _fix_triples(self, text: str) -> str:
        out = list(text)
        words = lexicon.words()
        for i in range(len(text) - 2):
            if out[i] + out[i + 1] not in self.triple_heads:
                continue
            triple = "".join(out[i : i + 3])
            if triple[1:] in self.pairs or not _TRIPLE_RE.fullmatch(triple) or any(c in _NUMERALS for c in triple):
                continue  # its last two are the knowledge's as typed
            found = self.triples.get(pinyin_key(triple))
            if not found or found[:2] != triple[:2] or triple[1:] in words:
                continue  # only the last of three changes, into a dictionary word (成功率), never out of one
            out[i + 2] = found[2]
        return "".join(out)

    def _fix_pairs(self, text: str) -> str:
        out = list(text)
        i = 0
        while i < len(text) - 1:
            pair = text[i : i + 2]
            word = self._word_for(pair, text[max(0, i - 2) : i], text[i + 2 : i + 4])
            if word and self._straddles(text, i) and not self._written_around(text, i, word):
                word = ""
            if word and self._belongs_outside(text, i, word):
                word = ""  # "询问室有": 室 is the end of the knowledge's 询问室, not a typo of 实有
            if word:
                out[i : i + 2] = list(word)
                i += 2
            else:
                i += 1
        return "".join(out)

    def _written_around(self, text: str, i: int, word: str) -> bool:
        """Whether the word, with the character typed before it, is three of the knowledge as
        written ("执法事象": 法事 is a word, but 法事项 is the knowledge's)."""
        return i > 0 and text[i - 1] + word in self.runs3

    def _straddles(self, text: str, i: int) -> bool:
        """Whether either character makes a word with its other neighbour ("哪里推介": 里推 is
        the end of 哪里 and the start of 推介, not a mistyped word)."""
        words = lexicon.words()
        after = text[i + 1 : i + 3]  # at the end, one character: no word straddled
        return (i > 0 and text[i - 1 : i + 1] in words) or (len(after) == 2 and after in words)

    def _belongs_outside(self, text: str, i: int, word: str) -> bool:
        """Whether the character the fix would change makes a pair of the knowledge with its
        neighbour outside the pair: then it was typed as part of that word."""
        if word[0] != text[i]:
            return i > 0 and text[i - 1 : i + 1] in self.pairs
        return text[i + 1 : i + 3] in self.pairs

    def _word_for(self, pair: str, before: str = "", after: str = "") -> str:
        if not _HANZI_RE.fullmatch(pair) or pair in self.pairs or pair in lexicon.words():
            return ""
        if any(c in _NUMERALS for c in pair):
            return ""  # 有一千, 有五十: numbers are read elsewhere
        # the one word of that sound with exactly one character changed ("正府" is 政府, not 增幅)
        found = [w for w in self.by_sound.get(pinyin_key(pair), ()) if (w[0] != pair[0]) != (w[1] != pair[1])]
        if len(found) != 1:
            return ""  # nothing, or more than one word it may be
        word = found[0]
        typed = pair[0] if word[0] != pair[0] else pair[1]
        around = (before[-2:] + word, word + after[:2], before[-1:] + word + after[:1])
        in_report = any(len(run) == 4 and run in self.written for run in around)
        if lexicon.words().get(typed, 0) >= MAX_TYPO_FREQUENCY and not in_report:
            # 是, 有, 说, 按: a word of its own, typed on purpose ("是按件算"), unless the
            # knowledge writes the word read with two characters beside it ("集中三到为" → 中三到位)
            return ""
        return word
