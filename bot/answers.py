"""Answer composition: the `Response` every front end (CLI, terminal chat, Telegram) shows.

Texts are plain Simplified Chinese; front ends escape them for their markup. Figures
come only from the knowledge base (`value`, `answer`, `source`), never computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .knowledge import Entry, Knowledge

# Entries used as example questions, in order of preference (missing ids are skipped).
EXAMPLE_IDS = ("first_offense_exempt_firms", "online_rate", "proof_free_city", "legal_aid_cases",
               "body_cameras", "four_degree_integration")
FALLBACK_TOPIC_IDS = ("gov_services", "soft_enforcement_work", "legal_services")


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
    kind: str = ""  # finer reason: entry, figure, followup, clarify, nomatch, empty, scope, greeting, ...
    topics: list[str] = field(default_factory=list)  # topic ids to offer as buttons
    answer: str = ""  # the direct answer ("名称：数值" and its sentence), without the quote
    source: str = ""  # the report sentence(s) quoted
    section: str = ""  # "section › subsection" where the source stands
    year: int | None = None  # the report year the answer comes from

    def details(self) -> dict:
        """What a rich front end shows beside the JSON of `to_json` (web page)."""
        return {"kind": self.kind, "answer": self.answer, "source": self.source,
                "section": self.section, "year": self.year}

    def to_json(self) -> dict:
        """The stable JSON shape of `python -m bot ask --json`."""
        return {
            "status": self.status,
            "text": self.text,
            "entry_id": self.entry_id,
            "score": round(min(float(self.score), 1.0), 4),
            "suggestions": [{"id": s.id, "question": s.question} for s in self.suggestions],
        }


def suggestion(entry: Entry) -> Suggestion:
    return Suggestion(entry.id, question_for(entry))


def question_for(entry: Entry) -> str:
    """How an entry is offered as a question (button label, 您是想问 line)."""
    if entry.is_metric:
        return f"{entry.title}是多少？"
    return entry.title


def location(knowledge: Knowledge, entry: Entry) -> str:
    """"Section › subsection" of the report where the entry's source stands."""
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


def related(knowledge: Knowledge, entry: Entry, limit: int = 3) -> list[Suggestion]:
    """2–3 follow-up questions: the entry's `related`, then entries quoting the same sentence
    (免罚金额 after 首违不罚企业数), then entries that list it as related, then its topic."""
    pools = (
        (knowledge.entries[r] for r in entry.related if r in knowledge.entries),
        (e for e in knowledge.quoting_same_source(entry) if e.topic == entry.topic),
        (e for e in knowledge.referring_to(entry.id) if e.topic == entry.topic),
        knowledge.entries_in(entry.topic),
    )
    chosen: list[Entry] = []
    for pool in pools:
        for other in pool:
            if len(chosen) >= limit:
                break
            if other.id != entry.id and other not in chosen:
                chosen.append(other)
    return [suggestion(e) for e in chosen]


def answer_text(knowledge: Knowledge, entry: Entry) -> str:
    lines = [f"{entry.title}：{entry.value}" if entry.is_metric else entry.title, entry.answer,
             f"原文：“{entry.source}”"]
    where = location(knowledge, entry)
    if where:
        lines.append(f"出处：{where}")
    return "\n".join(lines)


def answer(knowledge: Knowledge, entry: Entry, score: float, kind: str = "entry") -> Response:
    head = f"{entry.title}：{entry.value}" if entry.is_metric else entry.title
    return Response("answer", answer_text(knowledge, entry), entry.id, score,
                    related(knowledge, entry), kind, [entry.topic], answer=f"{head}\n{entry.answer}",
                    source=entry.source, section=location(knowledge, entry), year=entry.year)


def combined(knowledge: Knowledge, entries: list[Entry], score: float) -> Response:
    """Several questions in one message, answered one after another."""
    text = "\n\n".join(answer_text(knowledge, e) for e in entries)
    return Response("answer", text, entries[0].id, score, related(knowledge, entries[-1]), "combined",
                    [entries[0].topic])


def clarify(knowledge: Knowledge, entries: list[Entry], score: float, kind: str = "clarify",
            missing: str = "") -> Response:
    """"您是想问" with the plausible entries; `missing` names what the report does not say."""
    options = [suggestion(e) for e in entries]
    lines = [f"报告中没有关于“{missing}”的内容。"] if missing else []
    lines += ["您是想问："] + [f"{i}. {s.question}" for i, s in enumerate(options, 1)]
    lines.append("请点选或换个说法再问一次。")
    return Response("clarify", "\n".join(lines), None, score, options, kind)


def examples(knowledge: Knowledge, limit: int = 3) -> list[Suggestion]:
    chosen = [knowledge.entries[i] for i in EXAMPLE_IDS if i in knowledge.entries]
    if len(chosen) < limit:
        chosen += [e for e in knowledge.entries.values() if e not in chosen]
    return [suggestion(e) for e in chosen[:limit]]


def _example_lines(knowledge: Knowledge) -> list[str]:
    return [f"· {s.question}" for s in examples(knowledge)]


def _topic_ids(knowledge: Knowledge) -> list[str]:
    ids = [t for t in FALLBACK_TOPIC_IDS if t in knowledge.topics]
    return ids or [t.id for t in knowledge.sections()][:3]


def fallback(knowledge: Knowledge, score: float = 0.0, kind: str = "nomatch") -> Response:
    topics = _topic_ids(knowledge)
    titles = "、".join(knowledge.topics[t].title for t in topics)
    lines = ["抱歉，报告中没有找到相关内容。",
             "我只能回答《益阳市2023年法治政府建设情况》报告里的内容，例如："]
    lines += _example_lines(knowledge)
    lines.append(f"也可以按主题浏览：{titles}。")
    return Response("fallback", "\n".join(lines), None, score, [], kind, topics)


def out_of_scope(knowledge: Knowledge, what: str) -> Response:
    lines = [f"抱歉，这份报告只涵盖益阳市2023年的法治政府建设情况，没有{what}的内容。",
             "您可以问2023年益阳的情况，例如："] + _example_lines(knowledge)
    return Response("fallback", "\n".join(lines), None, 0.0, [], "scope", _topic_ids(knowledge))


def unsupported(knowledge: Knowledge, what: str, near: list[Entry]) -> Response:
    lines = [f"抱歉，报告中没有{what}这类办事信息，建议咨询相关部门。"]
    options = [suggestion(e) for e in near]
    if options:
        lines.append("报告里相关的内容有：")
        lines += [f"· {s.question}" for s in options]
    return Response("fallback", "\n".join(lines), None, 0.0, options, "unsupported", _topic_ids(knowledge))


def unknown_figure(knowledge: Knowledge, figure: str) -> Response:
    lines = [f"抱歉，报告中没有找到“{figure}”这个数字。", "可以直接问想了解的事项，例如："]
    lines += _example_lines(knowledge)
    return Response("fallback", "\n".join(lines), None, 0.0, [], "figure", _topic_ids(knowledge))


SMALL_TALK_TEXT = {
    "greeting": "您好！我是益阳法治问答，可以回答《益阳市2023年法治政府建设情况》报告中的问题。试试问：",
    "who": "我是益阳法治问答机器人，回答的内容全部来自《益阳市2023年法治政府建设情况》报告。可以这样问：",
    "how": "直接用中文提问就可以，也可以只发关键词（如“法律援助”）。例如：",
    "thanks": "不客气！还有问题随时问我。",
    "bye": "再见，欢迎随时再来提问。",
    "empty": "请输入您想了解的问题，例如：",
}


def small_talk(knowledge: Knowledge, kind: str) -> Response:
    lines = [SMALL_TALK_TEXT[kind]]
    if kind not in ("thanks", "bye"):
        lines += _example_lines(knowledge)
    return Response("fallback", "\n".join(lines), None, 0.0, [], kind)
