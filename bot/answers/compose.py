"""Answer composition: the `Response` every front end (CLI, terminal chat, Telegram, web) shows.

All user-facing wording is here. Texts are plain Simplified Chinese; front ends escape them
for their markup. Figures come only from the knowledge (`value`, `answer`, `source`, report
sentences), never computed here. Every answer quotes its source and says which report it is
from; a decline says what is missing only where the report really lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from bot.analysis.numbers import CN_DIGITS
from bot.decision.decline import Reason
from bot.knowledge.model import Entry, Knowledge
from bot.knowledge.reporttext import Figure, Sentence

T = TypeVar("T")

# Entries used as example questions, in order of preference (missing ids are skipped).
EXAMPLE_IDS = (
    "first_offense_exempt_firms",
    "online_rate",
    "proof_free_city",
    "legal_aid_cases",
    "body_cameras",
    "four_degree_integration",
)
FALLBACK_TOPIC_IDS = ("gov_services", "soft_enforcement_work", "legal_services")
QUOTE_MAX = 160  # a quoted sentence longer than this is cut around its figure


@dataclass(frozen=True)
class Suggestion:
    id: str
    question: str


@dataclass
class Response:
    status: str  # "answer" | "clarify" | "fallback"
    text: str
    entry_id: str | None = None
    score: float = 0.0
    suggestions: list[Suggestion] = field(default_factory=list)
    kind: str = ""  # finer reason: entry, report, figure, followup, combined, overview, a decline reason, ...
    topics: list[str] = field(default_factory=list)  # topic ids to offer as buttons
    answer: str = ""  # the direct answer ("名称：数值" and its sentence), without the quote
    source: str = ""  # the report sentence(s) quoted
    section: str = ""  # "section › subsection" where the source stands
    year: int | None = None  # the report year the answer comes from
    figure: object = field(default=None, repr=False, compare=False)  # the figure answered (Entry or Figure)
    lacking: str = field(default="", repr=False, compare=False)  # a decline's detail: what the report lacks
    parts: tuple = field(default=(), repr=False, compare=False)  # a combined answer's answers, in order
    asked: str = field(default="", repr=False, compare=False)  # the reading of the message it answers

    def to_json(self) -> dict:
        """The stable JSON shape of `python -m bot ask --json`."""
        return {
            "status": self.status,
            "text": self.text,
            "entry_id": self.entry_id,
            "score": round(min(float(self.score), 1.0), 4),
            "suggestions": [{"id": s.id, "question": s.question} for s in self.suggestions],
        }

    def details(self) -> dict:
        """What a rich front end shows beside the JSON of `to_json` (web page)."""
        return {
            "kind": self.kind,
            "answer": self.answer,
            "source": self.source,
            "section": self.section,
            "year": self.year,
        }


# --- labels ----------------------------------------------------------------------------


def suggestion(entry: Entry) -> Suggestion:
    return Suggestion(entry.id, question_for(entry))


def question_for(entry: Entry) -> str:
    """How an entry is offered as a question (button label, 您是想问 line)."""
    if entry.is_metric:
        return f"{entry.title}是多少？"
    return entry.title


def report_label(knowledge: Knowledge) -> str:
    """ "益阳市2023年报告": which report an answer comes from."""
    return f"{knowledge.place}{knowledge.year}年报告" if knowledge.year else knowledge.title


def location(knowledge: Knowledge, entry: Entry) -> str:
    """ "Section › subsection" of the report where the entry's source stands."""
    topic = knowledge.topics.get(entry.topic)
    if topic is None:
        return ""
    section = knowledge.section_of(topic.id)
    parts = []
    for t in (section, topic):
        if t is not None:
            label = t.heading or t.title
            if label not in parts:
                parts.append(label)
    return " › ".join(parts)


def _where_line(knowledge: Knowledge, where: str) -> str:
    label = report_label(knowledge)
    return f"出处：{where}（{label}）" if where else f"出处：{label}"


def related(knowledge: Knowledge, entry: Entry, limit: int = 3) -> list[Suggestion]:
    """2–3 follow-up questions: the entry's `related`, then entries quoting the same sentence
    (免罚金额 after 首违不罚企业数), then entries that list it as related, then its topic."""
    pools = (
        (knowledge.entries[r] for r in entry.related if r in knowledge.entries),
        (e for e in knowledge.quoting_same_source(entry) if e.topic == entry.topic),
        (e for e in knowledge.referring_to(entry.id) if e.topic == entry.topic),
        knowledge.entries_in(entry.topic),
    )
    chosen: dict[str, Entry] = {}
    for pool in pools:
        for other in pool:
            if len(chosen) >= limit:
                break
            if other.id != entry.id:
                chosen.setdefault(other.id, other)
    return [suggestion(e) for e in chosen.values()]


def _kept(knowledge: Knowledge, key: tuple, of: object, make: Callable[[], T]) -> T:
    """What `make` derives from the knowledge and one of its objects (`of`: an entry, a
    sentence), made once: a loaded knowledge never changes."""
    found = knowledge.derived.get(key)
    if found is None or found[0] is not of:
        found = knowledge.derived[key] = (of, make())
    return found[1]


_VERDICT_RE = re.compile(r"^(?:是的|不是)。")


def _verdict_word(verdict: bool | None) -> str:
    return {True: "是的。", False: "不是。"}.get(verdict, "")


# --- answers ---------------------------------------------------------------------------


def entry_head(entry: Entry) -> str:
    return f"{entry.title}：{entry.value}" if entry.is_metric else entry.title


def answer_text(knowledge: Knowledge, entry: Entry) -> str:
    lines = [entry_head(entry), entry.answer, f"原文：“{entry.source}”"]
    lines.append(_where_line(knowledge, location(knowledge, entry)))
    return "\n".join(lines)


def answer(
    knowledge: Knowledge, entry: Entry, score: float, kind: str = "entry", verdict: bool | None = None
) -> Response:
    if verdict is None or entry.is_metric:
        direct = f"{_verdict_word(verdict)}{entry_head(entry)}\n{entry.answer}"
    else:  # a check of a stated fact: the verdict, then the fact (the title is a question)
        direct = _verdict_word(verdict) + entry.answer
    where = _kept(knowledge, ("location", entry.id), entry, lambda: location(knowledge, entry))
    text = f"{direct}\n原文：“{entry.source}”\n{_where_line(knowledge, where)}"
    return Response(
        "answer",
        text,
        entry.id,
        score,
        list(_kept(knowledge, ("related", entry.id), entry, lambda: related(knowledge, entry))),
        kind,
        [entry.topic],
        answer=direct,
        source=entry.source,
        section=where,
        year=entry.year or knowledge.year,
        figure=entry if entry.is_metric else None,
    )


def with_part(response: Response) -> Response:
    """The answer with the part of the report it stands in, said in the answer itself (asked
    "出自报告哪一部分"), not only in the 出处 line."""
    part, _, heading = response.section.partition(" › ")
    where = f"“{part}”部分的“{heading}”一段" if heading else f"“{part}”部分"
    answer = f"{response.answer}\n这段内容在报告{where}。"
    return replace(response, answer=answer, text=response.text.replace(response.answer, answer, 1))


def _led(response: Response, lead: str, **changes) -> Response:
    """The response with a line before its answer (and so before its text)."""
    return replace(response, text=f"{lead}\n{response.text}", answer=f"{lead}\n{response.answer}", **changes)


def all_said(response: Response) -> Response:
    """The answer just given, said to be all the report writes of it ("还有呢" right after it)."""
    lead = "报告中关于这一点写的就是这些："
    return _led(response, lead, kind="all_said")


def held_in(response: Response) -> Response:
    """The answer just given, as where the report says what was asked next of it ("栏目叫啥"
    right after a sentence naming 《小区大事》栏目)."""
    lead = "报告中这一句写到了："
    return _led(response, lead, kind="followup")


def named_in(response: Response, name: str) -> Response:
    """The answer just given, led by the one name its sentence gives ("为这个出台的是啥文件":
    the document that sentence names, as the report writes it)."""
    return _led(response, name, kind="named")


def member_of(response: Response, index: int, member: str) -> Response:
    """The member at a place of the list the answer just given names ("第三个呢": 制度完备)."""
    place = CN_DIGITS[index] if 0 <= index < len(CN_DIGITS) else str(index + 1)
    head = f"第{place}个是：{member}" if index >= 0 else f"最后一个是：{member}"
    return _led(response, head, kind="nth")


def _quote(sentence: Sentence, figure: Figure | None) -> str:
    text = sentence.text.rstrip("；;")
    if len(text) <= QUOTE_MAX or figure is None:
        return text
    start = max(0, figure.start - QUOTE_MAX // 2)
    piece = text[start : start + QUOTE_MAX]
    return ("…" if start else "") + piece + ("…" if start + QUOTE_MAX < len(text) else "")


def report_related(knowledge: Knowledge, sentence: Sentence, limit: int = 3) -> list[Suggestion]:
    """Curated entries quoting this sentence, then those of its topic."""
    quoting = [
        e for e in knowledge.entries.values() if e.source and (e.source in sentence.text or sentence.text in e.source)
    ]
    topic = knowledge.topic_for_heading(sentence.subsection) or knowledge.topic_for_heading(sentence.section)
    pool = quoting + (knowledge.entries_in(topic.id) if topic else [])
    chosen = {e.id: e for e in reversed(pool)}  # first occurrence wins, order kept below
    ordered = list(dict.fromkeys(e.id for e in pool))
    return [suggestion(chosen[i]) for i in ordered[:limit]]


def answer_report(
    knowledge: Knowledge,
    sentence: Sentence,
    figure: Figure | None,
    score: float,
    verdict: bool | None = None,
    kind: str = "report",
) -> Response:
    """An answer from the report's own text: the asked figure's clause, or the sentence."""
    if figure is not None:
        head = (
            f"{_verdict_word(verdict)}{figure.clause.strip('，,；;。 ')}：{figure.value}"
            if not figure.clause.strip().endswith(figure.value)
            else f"{_verdict_word(verdict)}{figure.clause.strip('，,；;。 ')}"
        )
    else:
        head = f"{_verdict_word(verdict)}{_quote(sentence, None)}"
    where = sentence.where
    quote = _quote(sentence, figure)
    text = f"{head}\n原文：“{quote}”\n{_where_line(knowledge, where)}"
    topic = knowledge.topic_for_heading(sentence.subsection) or knowledge.topic_for_heading(sentence.section)
    return Response(
        "answer",
        text,
        f"report:{sentence.id}",
        score,
        list(_kept(knowledge, ("report_related", sentence.id), sentence, lambda: report_related(knowledge, sentence))),
        kind,
        [topic.id] if topic else [],
        answer=head,
        source=sentence.text,
        section=where,
        year=knowledge.year,
        figure=figure,
    )


def members_matching(knowledge: Knowledge, sentence: Sentence, found: list[str]) -> Response:
    """Of the names a report sentence lists, those the ask picks ("其中是街道的是哪个")."""
    answer = answer_report(knowledge, sentence, None, 1.0, kind="members")
    head = "其中：" + "、".join(found)
    return replace(answer, text=f"{head}\n{answer.text}", answer=head)


def checked(response: Response, verdict: bool | None) -> Response:
    """A check of the figure just given ("是两千九百多件对吧"): 是的/不是 before the same answer
    (none when the check confirms neither option: "是5100多名还是15300多名")."""
    word = _verdict_word(verdict)
    text, answer = (_VERDICT_HEAD_RE.sub("", t, count=1) for t in (response.text, response.answer))
    return replace(response, text=word + text, answer=word + answer, kind="check")


_VERDICT_HEAD_RE = re.compile(r"^(?:是的|不是)。")  # the verdict the answer to an earlier check opened with


def year_of(response: Response) -> Response:
    """ "这个是哪年的" after an answer: the year of the report it comes from, then the same answer."""
    said = f"这是{response.year}年的情况。\n"
    return replace(response, text=said + response.text, answer=said + response.answer, kind="year")


def with_year(response: Response, year: int | None) -> Response:
    """Name the report year in the first line of an answer (several years are loaded)."""
    if response.status != "answer" or not year or response.kind in ("years", "overview"):
        return response
    label = f"（{year}年）"

    def mark(text: str) -> str:
        for verdict in ("是的。", "不是。"):
            if text.startswith(verdict):
                return verdict + label + text[len(verdict) :]
        return label + text

    response.text = "\n\n".join(mark(part) for part in response.text.split("\n\n"))
    response.answer = mark(response.answer)
    return response


def by_year(parts: list[tuple[int, Response]]) -> Response:
    """The same question answered from several years' reports, side by side, each with its
    own source; never a computed difference."""
    answered = [r for _, r in parts if r.status == "answer"]
    blocks, direct = [], []
    for year, reply in parts:
        if reply.status == "answer":
            blocks.append(f"【{year}年】\n{reply.text}")
            direct.append(f"【{year}年】{reply.answer}")
        else:
            blocks.append(f"【{year}年】该年报告中没有找到相关内容。")
    first = answered[0]
    return Response(
        "answer",
        "\n\n".join(blocks),
        first.entry_id,
        min(r.score for r in answered),
        first.suggestions,
        "years",
        first.topics,
        answer="\n".join(direct),
        source="\n".join(r.source for r in answered),
        section=first.section,
        year=None,
    )


def compared(
    knowledge: Knowledge,
    parts: list[Response],
    larger: int | None,
    more: bool,
    verdict: bool | None = None,
    equal: bool = False,
) -> Response:
    """Two figures of one report side by side, each with its source; which is larger (or that
    they are the same number) only when the caller found the verbatim figures leave no doubt.
    Never a difference or a ratio."""
    response = combined(knowledge, parts)
    if equal:
        line = f"{_verdict_word(verdict)}按报告原文，两个数字一样。"
        return replace(
            response, text=line + "\n\n" + response.text, answer=line + "\n" + response.answer, kind="compare"
        )
    if larger is None:
        return replace(response, kind="compare")
    names = [p.answer.split("\n")[0] for p in parts]
    pick = larger if more else 1 - larger
    rate = "%" in (getattr(parts[pick].figure, "unit", "") or "")
    word = ("更高" if rate else "更多") if more else ("更低" if rate else "更少")
    name = names[pick]
    quoted = name if "“" in name else f"“{name}”"  # a name quoting its own words needs no more quotes
    line = f"{_verdict_word(verdict)}按报告原文，{quoted}{word}。"
    return replace(response, text=line + "\n\n" + response.text, answer=line + "\n" + response.answer, kind="compare")


MIXED_CHECKS = "不全对，逐项核对如下："


def combined(knowledge: Knowledge, parts: list[Response], missing: list[str] = ()) -> Response:
    """Several questions in one message, answered one after another; when each part is an
    answer, its source and where, the answers come first and each source once below them. A
    part that is itself several answers stands as those, and an answer given already is not
    repeated ("农民工讨薪" gives 370名 and 317万余元; "讨回多少钱" after it adds nothing)."""
    parts = _distinct(parts)
    text = _answers_then_sources(parts) or "\n\n".join(p.text for p in parts)
    answer = "\n".join(p.answer for p in parts)
    verdicts = [m.group(0) if m else "" for m in (_VERDICT_RE.match(p.answer) for p in parts)]
    if all(verdicts) and len(set(verdicts)) == 2:
        # "A是不是X，B是不是Y": one claim right and one wrong; the message is not right as a whole
        text, answer = MIXED_CHECKS + "\n\n" + text, MIXED_CHECKS + "\n" + answer
    if missing:
        text += "\n\n" + "\n".join(f"关于“{m}”，报告中没有找到直接的回答。" for m in missing)
    first = parts[0]
    return Response(
        "answer",
        text,
        first.entry_id,
        min(p.score for p in parts),
        parts[-1].suggestions,
        "combined",
        first.topics,
        answer=answer,
        source="\n".join(p.source for p in parts),
        section=first.section,
        year=first.year,
        parts=tuple(parts),
    )


def _distinct(parts: list[Response]) -> list[Response]:
    """The answers of the parts, a combined part's own answers in its place, each once."""
    flat = [q for p in parts for q in (p.parts if p.kind == "combined" and p.parts else (p,))]
    seen: set[tuple] = set()
    out = []
    for part in flat:
        key = (part.entry_id, part.answer or part.text)
        if key not in seen:
            seen.add(key)
            out.append(part)
    return out


PRACTICAL_ASIDE = "另外，报告中没有{detail}这类办事信息，建议咨询相关部门。"


def names_practical(response: Response) -> bool:
    """Whether a reply already says a practical request is not in the report (the aside, or the
    decline of `Reason.PRACTICAL`: both name it as "…这类办事信息")."""
    return _PRACTICAL_NAMED in response.text


_PRACTICAL_NAMED = "这类办事信息"  # in PRACTICAL_ASIDE and in the decline of Reason.PRACTICAL


def with_practical(response: Response, detail: str) -> Response:
    """An answer to what the report tells, with a line saying the practical request beside it
    ("app在哪里下载", "申请要什么条件") is not in the report."""
    aside = PRACTICAL_ASIDE.format(detail=detail)
    return replace(response, text=f"{response.text}\n\n{aside}", answer=f"{response.answer}\n{aside}")


SAME_NUMBER = "报告中有{n}项数字是这个数："


def same_number(knowledge: Knowledge, parts: list[Response]) -> Response:
    """A number asked what it is, written of several figures ("近200是什么": 近200条 and
    近200处): each figure with its source, under one line saying there are several."""
    response = combined(knowledge, parts)
    return _led(response, SAME_NUMBER.format(n=len(parts)))


def _answers_then_sources(parts: list[Response]) -> str:
    """The parts' answers, then each distinct source and where once ("" when a part is not
    an answer over one source, such as an area's sentences)."""
    sources: list[str] = []
    for p in parts:
        quote = f"\n原文：“{p.source}”\n"
        below = p.text[len(p.answer) :]
        if not p.answer or not p.text.startswith(p.answer) or not below.startswith(quote + "出处："):
            return ""
        if "\n" in below[len(quote) :]:
            return ""  # more than the one 出处 line after the quote
        if below.strip() not in sources:
            sources.append(below.strip())
    if len(sources) == len(parts):
        return ""  # nothing shared: each answer with its own source reads best
    return "\n\n".join(p.answer for p in parts) + "\n\n" + "\n".join(sources)


AREA_MAX_SENTENCES = 6  # a sub-section's answer quotes at most this many of its sentences


def area(knowledge: Knowledge, heading: str, section: str, points: list[Sentence], parts: list[str]) -> Response:
    """What the report says was done in one area: a section's sub-headings, or a sub-section's
    own sentences, verbatim (their figures with them)."""
    if parts:
        lines = [f"报告中“{heading}”这一部分包括{len(parts)}个方面："]
        for i, part in enumerate(parts, 1):
            clauses = _key_clauses([s for s in points if s.subsection == part])
            lines.append(f"{i}. {part}" + (f"：{'；'.join(clauses)}" if clauses else ""))
    else:
        shown = points[:AREA_MAX_SENTENCES]
        lines = [f"报告中“{heading}”这方面写了："] + [f"· {s.text.rstrip('。；;')}。" for s in shown]
        if len(points) > len(shown):
            lines.append(f"（还有{len(points) - len(shown)}句，可以接着问具体内容。）")
    return _area_reply(knowledge, heading, section, lines, points, points[:AREA_MAX_SENTENCES])


AREA_KEY_FIGURES = 5  # a section's answer: at most this many figure clauses under each sub-heading


def _key_clauses(sentences: list[Sentence]) -> list[str]:
    """A sub-section's key figures, each as its clause states it (verbatim), in report order;
    with none, its results (an honour, a listing, a place it was presented), verbatim."""
    clauses: list[str] = []
    for figure in (f for s in sentences for f in s.figures):
        clause = figure.clause.strip("，,；;。 ")
        if figure.value in clause and clause not in clauses:
            clauses.append(clause)
    if not clauses:
        for sentence in sentences:
            for clause in _CLAUSE_SPLIT_RE.split(sentence.text):
                clause = clause.strip("，,；;。 ")
                if _RESULT_RE.search(clause) and clause not in clauses:
                    clauses.append(clause)
    return clauses[:AREA_KEY_FIGURES]


# A clause telling a result of the work: an honour, a listing, where it was presented.
_RESULT_RE = re.compile(r"荣获|获评|获得|获“|评为|入选|入围|收录|称号|先进典型|推介|经验发言|予以报道|进行了报道")
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;。]")


AREA_MAX_FIGURES = 8  # "X方面的几个数字": at most this many, each with its clause


def area_figures(knowledge: Knowledge, heading: str, section: str, points: list[Sentence]) -> Response:
    """The figures of one part of the report, each as its clause states it (verbatim)."""
    figures = [f for s in points for f in s.figures][:AREA_MAX_FIGURES]
    if not figures:
        return area(knowledge, heading, section, points, [])
    lines = [f"报告中“{heading}”这方面的数字："]
    for figure in figures:
        clause = figure.clause.strip("，,；;。 ")
        line = f"· {clause}" if figure.value in clause else f"· {clause}：{figure.value}"
        if line not in lines:  # two figures of one clause: the clause once
            lines.append(line)
    return _area_reply(knowledge, heading, section, lines, points, [s for s in points if s.figures])


def _area_reply(
    knowledge: Knowledge, heading: str, section: str, lines: list[str], points: list[Sentence], quoted: list[Sentence]
) -> Response:
    """An area's reply: its lines, where they stand, buttons from its first sentence."""
    direct = "\n".join(lines)
    where = " › ".join(p for p in dict.fromkeys((section, heading)) if p)
    first = points[0] if points else None
    topic = knowledge.topic_for_heading(heading) or knowledge.topic_for_heading(section)
    return Response(
        "answer",
        f"{direct}\n{_where_line(knowledge, where)}",
        f"report:{first.id}" if first else None,
        1.0,
        report_related(knowledge, first) if first else examples(knowledge),
        "area",
        [topic.id] if topic else [],
        answer=direct,
        source="".join(s.text for s in quoted),
        section=where,
        year=knowledge.year,
    )


def overview(knowledge: Knowledge) -> Response:
    """What the report is about: its parts, one line each."""
    sections = knowledge.outline()
    lines = [f"《{knowledge.title}》主要包括以下几个部分："]  # (a count of parts is no figure of the report)
    for i, (heading, summary) in enumerate(sections, 1):
        summary = summary.removeprefix(heading).lstrip("，,：: ")
        lines.append(f"{i}. {heading}" + (f"：{summary}" if summary else ""))
    lines.append("可以接着问其中任何一项的具体内容或数字。")
    text = "\n".join(lines)
    return Response(
        "answer",
        text,
        "overview",
        1.0,
        examples(knowledge),
        "overview",
        [t.id for t in knowledge.sections()][:4],
        answer=text,
        source="",
        section="",
        year=knowledge.year,
    )


def clarify(knowledge: Knowledge, entries: list[Entry], score: float, kind: str = "clarify") -> Response:
    """ "您是想问" with the plausible entries."""
    options = [suggestion(e) for e in entries]
    lines = ["您是想问："] + [f"{i}. {s.question}" for i, s in enumerate(options, 1)]
    lines.append("请点选或换个说法再问一次。")
    return Response("clarify", "\n".join(lines), None, score, options, kind)


# --- declines ----------------------------------------------------------------------------

_MEASURE_WORDS = {
    "money": "金额",
    "people": "人数",
    "percent": "比例",
    "rank": "排名",
    "count": "具体数字",
    "duration": "时间",
    "change": "变化幅度",
    "": "具体数字",
}


# No answer, but a report sentence near the question is shown below this line.
NEAR_ONLY = "抱歉，报告中没有与这个问题完全对应的内容。"
# reason → (wording, Response.kind; None: the reason itself). Fields: {detail} what is missing,
# {covered} the reports loaded, {place}/{year} of this report, {which} 报告 or 2023年的报告,
# {measure} the word for the measure asked (金额, 人数 …).
DECLINES: dict[Reason, tuple[str, str | None]] = {
    Reason.OTHER_YEAR: ("抱歉，目前收录的是{covered}，没有{detail}的报告。", "scope"),
    Reason.OTHER_PLACE: ("抱歉，这份报告只涵盖{place}{year}的情况，没有{detail}的内容。", "scope"),
    Reason.WIDER_SCOPE: ("报告只给出{place}自己的情况，没有{detail}的统计数字。", None),
    Reason.BREAKDOWN: ("报告没有按{detail}单独列出这项内容，只有全市的情况。", None),
    Reason.MEASURE: ("报告没有给出这方面的{measure}。", None),
    Reason.NO_FIGURE: ("报告没有给出这方面的{measure}。", None),
    Reason.PART_ONLY: ("报告没有给出总数，只写了{detail}的情况。", None),
    Reason.COUNT_ONLY: ("报告只给出了数量（{detail}），没有列出具体名单。", None),
    Reason.TOGETHER: ("报告只给出了{detail}合在一起的数字，没有分开列出。", None),
    Reason.UNSTATED: ("报告没有写到这方面的内容（{detail}）。", None),
    Reason.ABSENT: ("抱歉，{which}中没有关于“{detail}”的内容。", None),
    Reason.PRACTICAL: ("抱歉，报告中没有{detail}这类办事信息，建议咨询相关部门。", "unsupported"),
    Reason.LEGAL_ADVICE: (
        "抱歉，报告讲的是{place}法治政府建设的情况，不解答个人的具体法律问题，建议咨询律师或当地公共法律服务机构。",
        "unsupported",
    ),
    Reason.UNKNOWN_FIGURE: ("抱歉，报告中没有“{detail}”这个数字。", "figure"),
    Reason.NO_MATCH: ("抱歉，报告中没有找到相关内容。", "nomatch"),
    Reason.ELSEWHERE: ("报告在另一处写到了这方面的内容，请看下面的原文。", None),
}


def decline(
    knowledge: Knowledge,
    reason: str,
    detail: str = "",
    near: Response | None = None,
    options: list[Suggestion] = (),
    covered: list[str] | None = None,
) -> Response:
    """A truthful refusal: what the report does not give, and the nearest thing it does.
    `covered`: every report loaded ("益阳市2023年的报告"), for other years and places."""
    covered_text = "、".join(covered or knowledge.covered) or report_label(knowledge)
    several = bool(covered) and len(covered) > 1
    reason = Reason(reason)  # an unknown reason is an error, never a silent no_match
    template, kind = DECLINES[reason]
    if reason == "other_place" and several:
        template = "抱歉，目前收录的是{covered}，没有{detail}的内容。"
    head = template.format(
        detail=detail,
        covered=covered_text,
        place=knowledge.place,
        year=f"{knowledge.year}年" if knowledge.year else "",
        which=f"{knowledge.year}年的报告" if several and knowledge.year else "报告",
        measure=_MEASURE_WORDS.get(detail, "具体数字"),
    ).replace("（）", "")  # a reason that names nothing lacking: no empty brackets
    kind = kind or reason.value
    lines = [head]
    if reason in SCOPE_REASONS:  # never a figure of the wrong year or place: only a button to it
        if options:
            lines.append("您可以点选下面的问题，查看报告中的相关内容。")
        else:
            lines.append(f"我可以回答《{knowledge.title}》中的问题，例如：")
            lines += _example_lines(knowledge)
        return Response("fallback", "\n".join(lines), None, 0.0, list(options), kind, _topic_ids(knowledge))
    if near is not None and near.source:
        if reason == Reason.NO_MATCH:  # something near is shown: "nothing related" would not be true
            lines[0] = NEAR_ONLY
        # the near answer's own line, never its 是的/不是: the check was of something else
        lines.append(NEAR_LINE + _VERDICT_RE.sub("", near.answer.split("\n")[0]))
        lines.append(f"原文：“{near.source}”")
        lines.append(_where_line(knowledge, near.section))
    elif kind in ("scope", "nomatch", "figure", "absent"):
        lines.append(f"我可以回答《{knowledge.title}》中的问题，例如：")
        lines += _example_lines(knowledge)
        topics = _topic_ids(knowledge)
        lines.append("也可以按主题浏览：" + "、".join(knowledge.topics[t].title for t in topics) + "。")
    suggestions = list(options) or (near.suggestions[:2] if near is not None else [])
    return Response(
        "fallback",
        "\n".join(lines),
        None,
        near.score if near else 0.0,
        suggestions,
        kind,
        _topic_ids(knowledge),
        lacking=detail,
    )


def lacking_each(knowledge: Knowledge, sides: list[Response]) -> Response:
    """Two sides of a comparison, each a part of one figure the report does not break down
    ("法律援助案件里，民事的多还是刑事的多"): what it lacks, then the figure it gives."""
    declines = [s for s in sides if s.status != "answer"]
    detail = "、".join(dict.fromkeys(d.lacking for d in declines))
    head = DECLINES[Reason.UNSTATED][0].format(detail=detail)
    first = declines[0]
    return replace(
        first, text="\n".join([head, *first.text.split("\n")[1:]]), kind=Reason.UNSTATED.value, lacking=detail
    )


NEAR_LINE = "报告中相关的内容："  # a decline's line showing the nearest thing the report gives
SCOPE_REASONS = (Reason.OTHER_YEAR, Reason.OTHER_PLACE, Reason.WIDER_SCOPE, Reason.BREAKDOWN)
# Response.kind of a decline saying the report lacks this of that subject (not "nothing found")
LACKS_KINDS = frozenset(r.value for r in Reason if DECLINES[r][1] is None and r not in SCOPE_REASONS)
SCOPE_KINDS = frozenset(DECLINES[r][1] or r.value for r in SCOPE_REASONS)  # Response.kind of those declines


def examples(knowledge: Knowledge, limit: int = 3) -> list[Suggestion]:
    chosen = [knowledge.entries[i] for i in EXAMPLE_IDS if i in knowledge.entries]
    if len(chosen) < limit:
        chosen += [e for e in knowledge.metrics if e not in chosen]
    if len(chosen) < limit:
        chosen += [e for e in knowledge.entries.values() if e not in chosen]
    return [suggestion(e) for e in chosen[:limit]]


def _example_lines(knowledge: Knowledge) -> list[str]:
    return [f"· {s.question}" for s in examples(knowledge)]


def _topic_ids(knowledge: Knowledge) -> list[str]:
    ids = [t for t in FALLBACK_TOPIC_IDS if t in knowledge.topics]
    return ids or [t.id for t in knowledge.sections()][:3]


def fallback(knowledge: Knowledge, score: float = 0.0, kind: str = "nomatch") -> Response:
    return decline(knowledge, "no_match")


SMALL_TALK_TEXT = {
    "greeting": "您好！我是益阳法治问答，可以回答《{title}》中的问题。试试问：",
    "who": "我是益阳法治问答机器人，回答的内容全部来自《{title}》。可以这样问：",
    "how": (
        "我可以回答《{title}》里的问题：具体数字（如“首次不罚了多少家企业”）、做法和荣誉、"
        "报告分哪几部分；也可以核对一个数字（如“是不是有六千多家”），或一次问两件事。"
        "直接用中文提问，发关键词也行。例如："
    ),
    "thanks": "不客气！还有问题随时问我。",
    "bye": "再见，欢迎随时再来提问。",
    "empty": "请输入您想了解的问题，例如：",
}


def small_talk(knowledge: Knowledge, kind: str) -> Response:
    lines = [SMALL_TALK_TEXT[kind].format(title=knowledge.title)]
    if kind not in ("thanks", "bye"):
        lines += _example_lines(knowledge)
    return Response("fallback", "\n".join(lines), None, 0.0, [], kind)
