"""English words mixed into a Chinese question ("legal aid案件有多少", "诉前调解的success rate"),
read as the report's words before anything else reads the message.

The glossary is data: `bot/data/english.tsv`, one "english<TAB>中文" per line. A run of Latin
words is read longest phrase first (up to `MAX_PHRASE` words, a plural -s/-es also read); a word
the glossary lacks stays as written, for the pinyin reader (bot/text/pinyin.py) or as itself
(APP, CCTV). One space each side of a word read is typography and dropped (in Chinese a space is a break);
a second one was the asker's break and stays.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "english.tsv"
MAX_PHRASE = 4  # words in the longest phrase of the glossary
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_RUN_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)*")
# Words of an English sentence that name nothing: left out of a run that has a word read.
_FUNCTION_WORDS = frozenset("in the of a an for about is are was were do does did to there on at by with".split())
_SPACED_RE = re.compile(r"[ \t]?\x00(.*?)\x01[ \t]?")  # one space each side is typography


class GlossaryError(ValueError):
    """Problems of a glossary file, every one as `file:line: message`."""


def load_glossary(path: Path = GLOSSARY) -> dict[str, str]:
    """The glossary's phrases (lower case, words joined by one space) and their Chinese."""
    glossary: dict[str, str] = {}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        english, _, chinese = line.partition("\t")
        key = " ".join(english.lower().split())
        if not chinese.strip() or not re.fullmatch(r"[a-z][a-z' -]*", key):
            problems.append(f"{path.name}:{number}: 应为“英文<Tab>中文”，英文只含字母、空格、撇号和连字符")
        elif key in glossary:
            problems.append(f"{path.name}:{number}: “{key}”重复出现")
        elif len(key.split()) > MAX_PHRASE:
            problems.append(f"{path.name}:{number}: “{key}”超过 {MAX_PHRASE} 个词")
        else:
            glossary[key] = chinese.strip()
    if problems:
        raise GlossaryError("\n".join(problems))
    return glossary


@cache
def _glossary() -> dict[str, str]:
    return load_glossary()


def _lookup(words: list[str]) -> str | None:
    glossary = _glossary()
    phrase = " ".join(w.lower().replace("’", "'") for w in words)
    for key in (phrase, phrase[:-1] if phrase.endswith("s") else None, phrase[:-2] if phrase.endswith("es") else None):
        if key and key in glossary:
            return glossary[key]
    return None


def _read_run(run: str) -> str:
    words = _WORD_RE.findall(run)
    out, k, read = [], 0, False
    while k < len(words):
        for n in range(min(MAX_PHRASE, len(words) - k), 0, -1):
            chinese = _lookup(words[k : k + n])
            if chinese is not None:
                out.append(f"\x00{chinese}\x01")
                k += n
                read = True
                break
        else:
            out.append(words[k])
            k += 1
    for k in range(len(out) - 2, 0, -1):  # "success rate of people's mediation": 人民调解的成功率
        if out[k].lower() == "of" and out[k - 1].startswith("\x00") and out[k + 1].startswith("\x00"):
            out[k - 1 : k + 2] = [out[k + 1][:-1] + "的" + out[k - 1][1:]]
    if read:
        out = [w for w in out if w.lower() not in _FUNCTION_WORDS]
    return " ".join(out)


def english(text: str) -> str:
    """`text` with the glossary's English read as Chinese."""
    if not re.search(r"[A-Za-z]{2}", text):
        return text
    read = _RUN_RE.sub(lambda m: _read_run(m.group(0)), text)
    return _SPACED_RE.sub(lambda m: m.group(1), read).strip() if "\x00" in read else text
