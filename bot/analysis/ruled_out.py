"""What the asker says they do not mean: "不是市本级的", "我说的不是新增的是总数".

One reading serves two stages: the split keeps such a clause with the ask before it, and the
decision declines a figure whose own words are the part ruled out.
"""

from __future__ import annotations

import re

# "不是市本级的", "不要新增的", "不算第一批那个": the words ruled out, up to their 的/那个.
_RULING = r"(?:不是|不要|不算|并非|而非)"  # the words that rule a thing out
_RULED_OUT = _RULING + r"([\u4e00-\u9fff]{2,6}?)(?:的|那个|那些|这个)"
_RULED_OUT_RE = re.compile(_RULED_OUT)
# "全市（不只是市本级）": more than that part is asked, so a figure of the part alone is no answer.
_BEYOND_RE = re.compile(
    r"(?:不只是|不仅是|不光是|不止是|不单是|不仅仅是|不只|不光)([\u4e00-\u9fff]{2,6}?)"
    r"(?:的|那个|那些|这个|(?=[）)，,。？?！!；;\s]|$))"
)
_RULING_CLAUSE_RE = re.compile(_RULED_OUT + "$")


# A clause that is only the thing ruled out, after an ask ("…多少条？不是问询问室", "不要法援案件数",
# "业务应用我知道了"); never a number checked ("是不是两千多件", "不是四千多台吗").
_RULED_CLAUSE_RE = re.compile(
    r"^(?:我)?(?:说的|问的|要的)?" + _RULING + r"(?:问)?(?P<no>[\u4e00-\u9fff]{2,8}?)(?:呢|啊|哈|哦|了)?$"
    r"|^(?P<known>[\u4e00-\u9fff]{2,8}?)(?:我|已经)*(?:知道了|晓得了|清楚了|不用说了|就不用了|不用了)$"
)
_NUMBER_WORD_RE = re.compile(r"[一二两三四五六七八九十百千万亿多余几]")
_CLAUSES_RE = re.compile(r"[，,。？?！!；;\s]+")


# The phrase ruling a thing out, never inside a check ("是不是长沙的" asks, rules nothing out).
_RULED_OUT_PHRASE_RE = re.compile(r"(?<!是)" + _RULED_OUT)


def masked(text: str) -> str:
    """The text with the phrases that rule a thing out blanked, same length ("不是县里的" → spaces):
    a place or part ruled out is no scope of the ask."""
    return _RULED_OUT_PHRASE_RE.sub(lambda m: " " * len(m.group(0)), text)


def ruled_out(text: str) -> list[str]:
    """The words a message rules out ("不是新增的是总数" → 新增, "…多少条？不是问询问室" → 问询问室)."""
    clauses = [c for c in _CLAUSES_RE.split(text) if c]
    whole = [w for c in clauses[1:] if (w := _ruled_clause(c, "no"))]
    return _RULED_OUT_RE.findall(text) + _BEYOND_RE.findall(text) + whole


def _ruled_clause(clause: str, *kinds: str) -> str:
    """The thing a clause after the ask rules out as a whole (`kinds`: "no", "known"), or ""."""
    m = _RULED_CLAUSE_RE.match(clause)
    word = next((m.group(k) for k in kinds if m.group(k)), "") if m else ""
    return "" if _NUMBER_WORD_RE.search(word) else word


def rules_out(clause: str) -> bool:
    """Whether a whole clause only rules something out ("不是市本级的", "不是问询问室"), or says it
    is known already ("业务应用我知道了"): no ask of its own."""
    return bool(_RULING_CLAUSE_RE.match(clause)) or bool(_ruled_clause(clause, "no", "known"))


_CLAUSE_WITH_MARK_RE = re.compile(r"[^，,。？?！!；;\s]+[，,。？?！!；;\s]*")


def without_known(text: str) -> str:
    """The message without the clauses after its ask that say a thing is known already
    ("服务场景多少个，业务应用我知道了" → 服务场景多少个): that thing is not asked."""
    clauses = _CLAUSE_WITH_MARK_RE.findall(text)
    kept = clauses[:1] + [c for c in clauses[1:] if not _ruled_clause(_CLAUSES_RE.sub("", c), "known")]
    return "".join(kept).rstrip("，,；; ") if len(kept) < len(clauses) else text


# "首次不罚之外，减轻处罚的企业…", "除了法律援助，…", "不算X的话，别的…": a thing set aside, the
# rest asked about.
_ASIDE_WORD = r"(?P<word>[\u4e00-\u9fff\d]{2,24}?)"
_ASIDE_REST = r"(?P<rest>[^，,。？?！!；;]*)"
_SET_ASIDE_RES = (
    re.compile(r"(?:除了?|除开|除去)?" + _ASIDE_WORD + r"(?:之外|以外)[，,\s]*" + _ASIDE_REST),
    re.compile(r"(?:除了|除开|除去)" + _ASIDE_WORD + r"[，,\s]+" + _ASIDE_REST),
    re.compile(r"(?:不算|不包括|不含)" + _ASIDE_WORD + r"(?:的话|在内)[，,\s]*" + _ASIDE_REST),
)
_SET_ASIDE_POINTERS = frozenset("这 那 此 这些 那些 这个 那个 它 它们 他们 这块 这方面".split())


def set_aside(text: str) -> list[tuple[str, str]]:
    """What a message sets aside to ask about the rest ("首次不罚之外，减轻处罚的企业有多少家"
    → (首次不罚, 减轻处罚的企业有多少家)); a pointer ("除此之外") sets nothing named aside."""
    found = []
    for pattern in _SET_ASIDE_RES:
        for m in pattern.finditer(text):
            word = re.sub(r"^(?:除了?|除开|除去)", "", m.group("word"))
            if len(word) >= 2 and word not in _SET_ASIDE_POINTERS and not word.isdigit():
                found.append((word, m.group("rest").strip()))
    return found


def sets_aside(clause: str) -> bool:
    """Whether a clause only sets a thing aside ("除了执法人员身上别着录像的那个设备以外"): it
    belongs to the ask after it, which asks about the rest."""
    return any(not rest for _, rest in set_aside(clause.strip()))
