"""Invariance: transforms after which the judged answer must not change.

Each transform takes a question and a seeded `random.Random` and returns the new question, or
None when it does not apply (nothing to change)."""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from pathlib import Path

from benchmarks.metamorphic import lexicon, numerals
from benchmarks.metamorphic.words import content_words

COMMON_CHARS_FILE = Path(__file__).with_name("common_chars.txt")


# --- a personal story before or after the question -------------------------------------------------


def _place(rng: random.Random, question: str) -> str:
    names = [
        name
        for name in lexicon.HUNAN_COUNTIES
        if name not in question and (len(name) <= 2 or name[:-1] not in question)
    ]
    name = rng.choice(names)
    return name[:-1] if len(name) > 2 and rng.random() < 0.5 else name


def story(rng: random.Random, question: str) -> str:
    """A story of 2–4 clauses from the lexicon's parts (randomly combined, words the report lacks)."""
    place = _place(rng, question)
    village = rng.choice(lexicon.VILLAGES)
    where = rng.choice((f"在{place}", f"住在{place}{village}", f"在{place}{village}", f"老家在{place}"))
    who = rng.choice(lexicon.RELATIVES) + where + rng.choice(lexicon.JOBS + lexicon.SHOPS)
    clauses = [who]
    if rng.random() < 0.3:
        clauses.insert(0, rng.choice(lexicon.HOMES).format(place))
    if rng.random() < 0.6:
        clauses.append(rng.choice(lexicon.EVENTS))
    if rng.random() < 0.25:
        clauses.append(rng.choice(lexicon.TROUBLES))
    if rng.random() < 0.8:
        clauses.append(rng.choice(lexicon.FEELINGS))
    if len(clauses) == 3 and rng.random() < 0.3:
        clauses[1], clauses[2] = clauses[2], clauses[1]
    sep = rng.choice(("，", " ", "，", ""))
    return sep.join(clauses)


def story_before(question: str, rng: random.Random) -> str:
    sep = rng.choice(("，", "。", " ", "", "！"))
    return story(rng, question) + sep + rng.choice(lexicon.LEADS) + question


def story_after(question: str, rng: random.Random) -> str:
    sep = rng.choice(("。", "，", " ", "！", "——", ""))
    return question + sep + rng.choice(lexicon.AFTER_LEADS) + story(rng, question) + rng.choice(("", "。", "…"))


# The ask in everyday words a letter writes formally ("是什么" → 为何, "是多少" → 为何 or 几何).
_WRITTEN_ASK_RE = re.compile(r"(?:是什么|是多少)(?=[？?。！!]?$)")


def formal_letter(question: str, rng: random.Random) -> str:
    """The question inside a formal letter: who writes from elsewhere, a written lead, a closing,
    and a signature dated in another year (a date of writing, never the question's year)."""
    home = rng.choice(lexicon.PROVINCES) if rng.random() < 0.5 else _place(rng, question)
    if rng.random() < 0.7:
        writer = (
            f"本人系{home}{rng.choice(('籍', '', '人'))}{rng.choice(lexicon.WRITERS)}，{rng.choice(lexicon.REASONS)}。"
        )
    else:  # who writes, said as a frame ("作为一名企业法务，…")
        writer = (
            f"作为{rng.choice(('一名', '', '一位'))}{rng.choice(lexicon.WRITERS)}，本人{rng.choice(lexicon.REASONS)}。"
        )
    year = rng.choice(("2024", "2025", "2026"))
    signature = f"{rng.choice(lexicon.SIGNERS)} {year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    sep = rng.choice(("", "\n", " "))
    greeting = rng.choice(("您好！", "", "您好，"))
    marked = question.rstrip()[-1:] in "？?。！!"
    if rng.random() < 0.5:  # a letter calls the city it writes to 贵市 ("贵市网上可办率…")
        question = re.sub(r"益阳市?", "贵市", question, count=1)
    if rng.random() < 0.5:  # and asks in written words ("名称为何", "比率几何")
        question = _WRITTEN_ASK_RE.sub(
            lambda m: rng.choice(("为何", "几何")) if m.group(0) == "是多少" else "为何", question
        )
    body = rng.choice(lexicon.FORMAL_LEADS) + question + ("" if marked else rng.choice(("？", "")))
    return sep.join(
        (rng.choice(lexicon.SALUTATIONS) + greeting, writer + body, rng.choice(lexicon.CLOSINGS), signature)
    )


def city_named(question: str, rng: random.Random) -> str | None:
    """The report's own city named before the question ("益阳市…", "咱益阳…"), half the time
    after a story run on without a break ("…在桃江开店想了解益阳市…"): never a scope of its own."""
    if lexicon.HOME_CITY in question:
        return None
    city = rng.choice(lexicon.HOME_CITY_FORMS).format(lexicon.HOME_CITY)
    asked = city + rng.choice(("", "", "的")) + question
    if rng.random() < 0.5:
        return asked
    return story(rng, question) + rng.choice(("", " ", "，")) + rng.choice(lexicon.CITY_LEADS) + asked


# --- fillers, politeness, emoji ------------------------------------------------------------------------


def fillers(question: str, rng: random.Random) -> str:
    while True:
        parts = []
        if rng.random() < 0.7:
            parts.append(rng.choice(lexicon.GREETINGS) + rng.choice(("，", "！", " ", "", "~")))
        if rng.random() < 0.5:
            parts.append(rng.choice(lexicon.FILLERS) + rng.choice(("，", "…", " ", "")))
        parts.append(question)
        if rng.random() < 0.6:
            parts.append(rng.choice(("", " ", "，")) + rng.choice(lexicon.THANKS) + rng.choice(("", "！", "~")))
        if rng.random() < 0.6:
            parts.append("".join(rng.choice(lexicon.EMOJI) for _ in range(rng.randint(1, 3))))
        if len(parts) > 1:
            return "".join(parts)


# --- punctuation and spaces removed or doubled ---------------------------------------------------------


def _is_mark(text: str, i: int) -> bool:
    """A punctuation mark or space at text[i], but not % nor a point or hyphen inside a token."""
    ch = text[i]
    if ch in "%％":
        return False
    if ch in ".-" and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalnum():
        return not (text[i + 1].isascii() and text[i + 1].isalnum())
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def punctuation_removed(question: str, rng: random.Random) -> str | None:
    out = "".join(ch for i, ch in enumerate(question) if not _is_mark(question, i))
    return out if out != question else None


def punctuation_doubled(question: str, rng: random.Random) -> str:
    out = "".join(ch * 2 if _is_mark(question, i) else ch for i, ch in enumerate(question))
    return out if out != question else question + rng.choice(("？？", "??", "！！", "。。"))


# --- traditional characters ---------------------------------------------------------------------------------


@functools.cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(question: str, rng: random.Random) -> str | None:
    out = _s2t().convert(question)
    return out if out != question else None


# --- content words: a homophone typo, pinyin for one word ---------------------------------------------


@functools.cache
def common_chars() -> str:
    lines = COMMON_CHARS_FILE.read_text(encoding="utf-8").splitlines()
    return "".join(line.strip() for line in lines if line and not line.startswith("#"))


@functools.cache
def _homophones() -> dict[str, tuple[str, ...]]:
    from pypinyin import lazy_pinyin

    by_sound: dict[str, list[str]] = {}
    for ch in common_chars():
        by_sound.setdefault(lazy_pinyin(ch)[0], []).append(ch)
    return {sound: tuple(chars) for sound, chars in by_sound.items()}


def homophone(question: str, rng: random.Random) -> str | None:
    """One character of a content word swapped for another common character read the same
    (toneless pinyin, as a pinyin input method offers it)."""
    from pypinyin import lazy_pinyin

    words = content_words(question, longest=8)
    rng.shuffle(words)
    for start, word in words:
        sounds = lazy_pinyin(word)
        if len(sounds) != len(word):
            continue
        for offset in rng.sample(range(len(word)), len(word)):
            candidates = [c for c in _homophones().get(sounds[offset], ()) if c != word[offset]]
            if candidates:
                at = start + offset
                return question[:at] + rng.choice(candidates) + question[at + 1 :]
    return None


def swapped_chars(question: str, rng: random.Random) -> str | None:
    """Two neighbouring characters inside a content word of 3–4 characters typed the wrong way
    round (联系点 → 系联点), as fast typing does."""
    words = [(start, word) for start, word in content_words(question, longest=4) if len(word) >= 3]
    rng.shuffle(words)
    for start, word in words:
        for offset in rng.sample(range(len(word) - 1), len(word) - 1):
            if word[offset] != word[offset + 1]:
                at = start + offset
                return question[:at] + question[at + 1] + question[at] + question[at + 2 :]
    return None


def pinyin_word(question: str, rng: random.Random) -> str | None:
    """One content word of 2–4 characters written as toneless pinyin, syllables spaced or joined."""
    from pypinyin import lazy_pinyin

    words = content_words(question, longest=4)
    if not words:
        return None
    start, word = rng.choice(words)
    written = (" " if rng.random() < 0.5 else "").join(lazy_pinyin(word))
    if not written.isascii():
        return None
    before, after = question[:start], question[start + len(word) :]
    if rng.random() < 0.5:
        written = (" " if before and not before.endswith(" ") else "") + written + (" " if after else "")
    return before + written + after


def pinyin_glued(question: str, rng: random.Random) -> str | None:
    """One or two characters inside a content word of 3–4 characters typed as toneless pinyin
    with no space ("xiang易办", "wu车证明", "湘yi办"), as a pinyin keyboard left uncommitted does."""
    from pypinyin import lazy_pinyin

    words = [(start, word) for start, word in content_words(question, longest=4) if len(word) >= 3]
    if not words:
        return None
    start, word = rng.choice(words)
    count = rng.choice((1, 1, 2))
    at = rng.randrange(len(word) - count + 1)
    written = "".join(lazy_pinyin(word[at : at + count]))
    if not written.isascii() or not written.isalpha():
        return None
    at += start
    return question[:at] + written + question[at + count :]


@functools.cache
def _english_words() -> dict[str, tuple[str, ...]]:
    """Chinese word → the English phrases the glossary reads as it (words of 2+ characters only)."""
    from bot.text.english import load_glossary

    by_word: dict[str, list[str]] = {}
    for phrase, word in load_glossary().items():
        if len(word) >= 2 and len(phrase) >= 3:
            by_word.setdefault(word, []).append(phrase)
    return {word: tuple(phrases) for word, phrases in by_word.items()}


def english_word(question: str, rng: random.Random) -> str | None:
    """One word of the report written in English, as bilingual askers mix it in ("legal aid案件",
    "诉前调解的 success rate"): spaced or not, lower or title case."""
    found = [(question.find(word), word) for word in _english_words() if word in question]
    if not found:
        return None
    start, word = rng.choice(sorted(found))
    phrase = rng.choice(_english_words()[word])
    phrase = phrase.title() if rng.random() < 0.3 else phrase
    if rng.random() < 0.5:
        phrase = f" {phrase} "
    return (question[:start] + phrase + question[start + len(word) :]).strip()


def numbers_in_words(question: str, rng: random.Random) -> str | None:
    out = numerals.in_words(question, rng)
    return out if out != question else None


_HOW_MANY_END_RE = __import__("re").compile(
    r"多少(?=(?:人次|万元|[人件家项个台起名次条类种位户])?(?:[？?。！!，,\s啊呀呢]|$))"
)


def dialect(question: str, rng: random.Random) -> str | None:
    """Question words as citizens of Hunan and Sichuan say them: 多少 ending a clause as 好多,
    什么 as 么子 or 啥子, 知道 as 晓得, 有没有 as 有冇, a verb's 了 as 哒 or 咯, and 咯 or 嘛 ending
    the message."""
    out = _HOW_MANY_END_RE.sub("好多", question).replace("有没有", "有冇")
    out = out.replace("什么", rng.choice(("么子", "啥子"))).replace("知道", "晓得")
    out = _DONE_RE.sub(rng.choice(("哒", "咯")), out)  # "搞了多少" said "搞哒好多"
    if rng.random() < 0.5:  # "…是不是评上哒么子示范咯": a particle ending what is asked, softening nothing
        bare = out.rstrip("？?。！! ")
        if bare and bare[-1] not in "啊呀呢吧嘛哦咯吗么":
            out = bare + rng.choice(("咯", "嘛")) + out[len(bare) :]
    return out if out != question else None


# 了 marking a verb done, before more words (not 为了, 除了, 了解): 哒 or 咯 in Hunan speech.
_DONE_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除])了(?=[\u4e00-\u9fff])(?!解)")


# "第几次" asked, a wrong ordinal said first and taken back ("是第六次不对是第几次"): voice input.
_ORDINAL_ASKED_RE = re.compile(r"第几([次批届期])")


def ordinal_corrected(question: str, rng: random.Random) -> str | None:
    """The ordinal asked begun as a wrong one, corrected at once ("第六次 不对 是第几次")."""
    asked = _ORDINAL_ASKED_RE.search(question)
    if asked is None:
        return None
    said = rng.choice(("第一", "第二", "第三", "第五", "第六", "第八", "第十", "首")) + asked.group(1)
    sep = rng.choice(("", " ", "，"))
    fix = rng.choice(lexicon.CORRECTIONS)
    return question[: asked.start()] + f"{said}{sep}{fix}{sep}{rng.choice(('是', ''))}" + question[asked.start() :]


# name → (transform, cases per original)
def feeling_after(question: str, rng: random.Random) -> str:
    """The question, then a feeling ("…多少 好麻烦呀"): a short message's context after its ask."""
    return question.rstrip() + rng.choice(("，", " ", "。", "！")) + rng.choice(lexicon.FEELINGS)


TRANSFORMS = {
    "story_before": (story_before, 2),
    "story_after": (story_after, 2),
    "formal_letter": (formal_letter, 1),
    "city_named": (city_named, 1),
    "fillers_politeness_emoji": (fillers, 2),
    "punctuation_removed": (punctuation_removed, 1),
    "punctuation_doubled": (punctuation_doubled, 1),
    "traditional": (traditional, 1),
    "homophone_typo": (homophone, 2),
    "swapped_chars": (swapped_chars, 1),
    "numbers_in_words": (numbers_in_words, 2),
    "pinyin_word": (pinyin_word, 2),
    "pinyin_glued": (pinyin_glued, 1),
    "english_word": (english_word, 1),
    "dialect": (dialect, 1),
    "feeling_after": (feeling_after, 1),
    "ordinal_corrected": (ordinal_corrected, 2),
}
