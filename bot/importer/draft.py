"""Draft a knowledge pack from a report's text: topics from its headings, one metric per
figure, one FAQ per named document, programme or term, honour, and named place or body.

Every figure is copied from the report (`reporttext.find_figures`), never derived; a figure
whose clause gives it no name is left out and listed. Answers and sources are the report's
own words. Every drafted row carries `draft: true` until an admin reviews it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from bot.knowledge.reporttext import Figure, ReportText, Sentence, parse_report
from bot.text.normalize import Synonyms, _readings, normalize

MIN_ALIASES, MIN_ALTERNATES = 3, 4
NAME_MAX = 24
MAX_FAQS = 120
_LEAD_WORDS = (
    "其中",
    "共计",
    "累计",
    "共",
    "全市",
    "全区",
    "全县",
    "市本级",
    "区本级",
    "县本级",
    "全年",
    "为人民群众",
    "为群众",
    "为企业",
    "为",
    "对",
    "组织",
    "编制",
    "建立",
    "设立",
    "配备",
    "提供",
    "受理",
    "实现",
    "达到",
    "达",
    "有",
    "完成",
    "开展",
    "办理",
    "新增",
    "推动",
    "帮助",
    "成功",
    "通过",
    "全部",
    "今年",
    "本年度",
)
_TRAIL_WORDS = (
    "达到",
    "达",
    "为",
    "是",
    "约",
    "共",
    "有",
    "实现",
    "突破",
    "超过",
    "近",
    "增至",
    "增加到",
    "扩充至",
    "扩展到",
    "增加至",
    "提高到",
    "提升至",
    "保持",
    "继续保持",
)
_BODY_SUFFIXES = (
    "街道",
    "委员会",
    "检察院",
    "法院",
    "办公厅",
    "办公室",
    "工作站",
    "管理局",
    "监管局",
    "中心",
    "团队",
    "局",
    "区",
    "县",
    "镇",
    "乡",
    "市",
)
_PLACE_SUFFIXES = ("区", "县", "镇", "乡", "市")  # a bare place name: at most 4 characters (资阳区, 南县)
_GENERIC_NAMES = {
    "全市",
    "本市",
    "我市",
    "市本级",
    "全区",
    "本区",
    "全县",
    "各区",
    "各县",
    "城区",
    "园区",
    "社区",
    "小区",
    "地区",
    "辖区",
    "示范市",
    "城市",
    "全省",
    "乡镇",
    "各乡镇",
    "市",
    "区",
    "县",
    "示范区",
    "市区",
    "中心城区",
    "中心",
    "团队",
    "局",
    "办案团队",
    "队伍",
    "所",
}
_ADVERBS = ("成功", "共", "累计", "共计", "全部", "其中", "约", "已", "先后")
_VERB_RE = re.compile(
    r"(?:发布|提出|办理|落实|开展|参加|参与|进行|通过|完成|讨回|追回|追讨|挽回|获得|接入|建立|设立|实现|受理|提供|"
    r"解答|培训|培养|化解|"
    r"覆盖|涉及|组织|化解|调解|审查|编制|出台|印发)"
)
_HONOUR_RE = re.compile(r"荣获|获评|获得|被评为|评为|授予|入选|入围|成功创建为|创建为|获")
_VERB_LEAD_RE = re.compile(r"^(?:对|由|在|经|向|与|和|及|为|将|把|被|让|从|按|以|据|组织|指导|推动|支持|依托)")
_DOC_RE = re.compile(r"《([^《》]{2,60})》")
_TERM_RE = re.compile(r"“([^“”]{2,24})”")
_ID_SAFE_RE = re.compile(r"[^a-z0-9]")


@dataclass
class Draft:
    topics: list[dict] = field(default_factory=list)
    metrics: list[dict] = field(default_factory=list)
    faqs: list[dict] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # figures given no row, with why

    def counts(self) -> dict[str, int]:
        return {
            "topics": len(self.topics),
            "metrics": len(self.metrics),
            "faqs": len(self.faqs),
            "left_out": len(self.left_out),
        }


def slug(place: str, year: int | None) -> str:
    """An ascii key for ids: pinyin initials of the place and the year ("青岚市", 2024 → qls2024)."""
    readings = _readings()
    letters = "".join((readings.get(str(ord(c)), "x").split(",")[0][:1] or "x") for c in place)
    letters = (
        _ID_SAFE_RE.sub(
            "", letters.lower().translate(str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuvvvv"))
        )
        or "p"
    )
    return f"{letters[:8]}{year or ''}"


def stable_id(prefix: str, key: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:6]
    return f"{prefix}_{key}_{digest}"


# --- names -------------------------------------------------------------------------------


def _strip(text: str) -> str:
    text = text.strip(" ，,、；;。：:（）()")
    changed = True
    while changed:
        changed = False
        for word in _LEAD_WORDS:
            if text.startswith(word) and len(text) > len(word) + 1:
                text, changed = text[len(word) :], True
        for word in _TRAIL_WORDS:
            if text.endswith(word) and len(text) > len(word) + 1:
                text, changed = text[: -len(word)], True
        text = text.strip(" ，,、；;。：:")
    return text


def figure_words(figure: Figure, siblings: list[Figure]) -> tuple[str, str]:
    """(words before the figure, words after it) inside its own stretch of the clause. When the
    stretch starts right after another figure, its head up to 及/和/、 belongs to that one
    ("业务应用及2000余个服务场景" → "", "服务场景")."""
    from bot.retrieval.report import local_text

    own = local_text(figure, siblings)
    at = own.find(figure.value)
    if at < 0:
        return own, ""
    before, after = own[:at], own[at + len(figure.value) :]
    follows_figure = figure.clause.find(own) > 0 and any(
        o is not figure and o.clause == figure.clause and figure.clause.find(o.value) < figure.clause.find(own)
        for o in siblings
    )
    if follows_figure:
        parts = re.split(r"[及和与、，,]", before, maxsplit=1)
        before = parts[1] if len(parts) > 1 else before
    return before, after


def _balance(text: str) -> str:
    """Drop a quote mark left without its partner ("0”跑动次数的事项")."""
    for left, right in (("“", "”"), ("《", "》"), ("(", ")"), ("（", "）")):
        if text.count(left) != text.count(right):
            text = text.replace(left, "").replace(right, "")
    return text


_CHANGE_LEAD_RE = re.compile(r"^(?:同比|环比|较上年|比上年|较去年|比去年)")


def metric_name(figure: Figure, siblings: list[Figure]) -> str:
    """A name from the figure's own words: "经过法治审核的执法事项", "调解成功率", "企业轻微违规“首次不罚”";
    a change whose clause names no subject takes it from the clause before ("案卷优秀率较上年提高")."""
    name = _TAIL_RE.sub("", _own_name(figure, siblings)) or _own_name(figure, siblings)
    if figure.role == "rank" and not name.endswith(("排名", "排", "位次")):
        name += "排名"
    if len(name) <= 2 and _bare_unit(figure.unit):  # "全年培训8600余人次" → 培训人次
        name += _bare_unit(figure.unit)
    if figure.role == "change" and (_CHANGE_LEAD_RE.match(name) or len(name) <= 4) and figure.context:
        subject = re.split(r"\d|为|是|达到|达|共|增至|累计", _strip(figure.context))[0]
        subject = _strip(subject)
        if len(subject) >= 2 and subject not in name:
            name = (subject + name)[-NAME_MAX:]
    return name


_TAIL_RE = re.compile(
    r"(?:连续[一二三四五六七八九十\d]+年)?(?:位居|位列|继续排名|继续|居|超|仅为|仅|累计|全部实行统一登记)$"
)
_MEASURE_UNITS = ("人次", "件", "起", "次", "场", "名", "人")


def _bare_unit(unit: str) -> str:
    bare = unit.lstrip("万亿")
    return bare if bare in _MEASURE_UNITS else ""


def _own_name(figure: Figure, siblings: list[Figure]) -> str:
    before, after = figure_words(figure, siblings)
    before = re.sub(r"[在于中的对向为给]$", "", _strip(before))
    if before in _ADVERBS:
        before = ""
    after = re.split(r"[及和与、，,；;。]", after)[0] if after else ""
    if not before:  # "30多家“谁执法谁普法”责任单位发布典型案例": the noun ends at the verb
        noun = _VERB_RE.split(after)[0]
        deed = re.split(r"\d", after[len(noun) :])[0]
        if 1 <= len(noun) <= 3 and 2 <= len(deed) <= 8 and _VERB_RE.match(deed):
            return f"{deed}的{noun}"  # "为412名农民工追回欠薪385万余元" → 追回欠薪的农民工
        after = noun
    after = re.sub(r"[在于中的对向为给]$", "", after)
    if len(before) >= 4 or (before and not after):
        name = before + (after if 0 < len(after) <= 8 else "")
    elif len(before) >= 2:
        name = before + after
    else:
        name = _strip(after)
    if len(name) < 2:  # "达25%": the subject is in the clause before
        name = _strip(figure.context)[-NAME_MAX:] + (before or "")
    name = _balance(name.strip("“”\"' "))
    while len(name) > NAME_MAX and re.search(r"[、，的及和]", name[:-4]):
        name = re.split(r"[、，的及和]", name, maxsplit=1)[1]
    return name[-NAME_MAX:] if len(name) > NAME_MAX else name


def _keyword(name: str) -> str:
    """A short keyword form: the name without leading verbs, scope words and quote marks;
    a long one from its last 的 on ("经过法治审核的执法事项" → "执法事项")."""
    text = _VERB_LEAD_RE.sub("", name).replace("“", "").replace("”", "")
    text = re.sub(r"^[\u4e00-\u9fff]{2,4}[市区县](?=[\u4e00-\u9fff]{4})", "", text)
    text = re.sub(r"^(?:全市|市本级|全区|全县|各)", "", text)
    if len(text) > 12 and "的" in text[:-3]:
        text = text[text.rindex("的", 0, len(text) - 3) + 1 :]
    return text


# --- drafting -------------------------------------------------------------------------------


class _Phrasings:
    """Phrasings already used in the pack, compared after the same normalisation as validation."""

    def __init__(self, synonyms: Synonyms):
        self.synonyms = synonyms
        self.used: set[str] = set()

    def take(self, candidates: list[str], need: int, extra: list[str]) -> list[str]:
        chosen: list[str] = []
        for text in candidates + extra:
            key = normalize(text, self.synonyms)
            if not key or key in self.used or not text.strip():
                continue
            chosen.append(text)
            self.used.add(key)
        return chosen if len(chosen) >= need else []

    def release(self, texts: list[str]) -> None:
        for text in texts:
            self.used.discard(normalize(text, self.synonyms))


def _scope(sentence: Sentence, figure: Figure, place: str) -> str:
    for word in ("市本级", "区本级", "县本级"):
        if word in figure.clause or word in figure.context:
            return word
    for word in ("全市", "全区", "全县"):
        if word in sentence.text:
            return word
    return place or "全市"


def draft_pack(
    report_text: str,
    title: str,
    year: int | None,
    place: str,
    synonyms: Synonyms,
    reserved: dict[str, set[str]] | None = None,
) -> Draft:
    """`reserved`: id → phrasings of reviewed rows already in the pack; their ids are not drafted
    again and their phrasings are not reused."""
    report = parse_report(report_text)
    key = slug(place, year)
    draft = Draft()
    phrasings = _Phrasings(synonyms)
    for texts in (reserved or {}).values():
        phrasings.used.update(normalize(t, synonyms) for t in texts)
    topic_of = _draft_topics(report, key, title, draft)
    reviewed = set(reserved or ())
    for sentence in report.sentences:
        for figure in sentence.figures:
            if stable_id("m", key, sentence.text, figure.value, str(figure.start)) in reviewed:
                continue
            row = _metric(sentence, figure, report, key, year, place, topic_of, phrasings)
            if isinstance(row, str):
                draft.left_out.append(row)
            else:
                draft.metrics.append(row)
    draft.faqs = [row for row in _faqs(report, key, topic_of, phrasings, reviewed, place) if row["id"] not in reviewed]
    return draft


def _draft_topics(report: ReportText, key: str, title: str, draft: Draft) -> dict[tuple[str, str], str]:
    """Topics: an overview, each section, each sub-heading; maps (section, subsection) → id."""
    overview = f"t_{key}_overview"
    intro = next((s.text for s in report.sentences if not s.section), "")
    draft.topics.append(
        {
            "id": overview,
            "title": "总体情况",
            "heading": None,
            "parent": None,
            "summary": intro[:120] if intro else title,
            "draft": True,
        }
    )
    topic_of: dict[tuple[str, str], str] = {("", ""): overview}
    section_id = overview
    section = ""
    subs_of: dict[str, list[str]] = {}
    used_titles: Counter = Counter()
    for heading in report.headings:
        if heading.level == 1:
            section = heading.text
            section_id = stable_id("t", key, "1", heading.text)
            short = heading.text[:10]
            used_titles[short] += 1
            draft.topics.append(
                {
                    "id": section_id,
                    "title": short if used_titles[short] == 1 else heading.text,
                    "heading": heading.text,
                    "parent": None,
                    "summary": "",
                    "draft": True,
                }
            )
            subs_of[section_id] = []
            topic_of[(section, "")] = section_id
        elif heading.level == 2 and section:
            sub_id = stable_id("t", key, "2", section, heading.text)
            if any(t["id"] == sub_id for t in draft.topics):
                continue
            first = next((s.text for s in report.sentences if s.subsection == heading.text and not s.is_lead), "")
            draft.topics.append(
                {
                    "id": sub_id,
                    "title": heading.text[:10],
                    "heading": heading.text,
                    "parent": section_id,
                    "summary": first[:120],
                    "draft": True,
                }
            )
            subs_of[section_id].append(heading.text)
            topic_of[(section, heading.text)] = sub_id
    for topic in draft.topics:
        if topic["id"] in subs_of and subs_of[topic["id"]]:
            topic["summary"] = "包括" + "、".join(subs_of[topic["id"]]) + "。"
        elif not topic["summary"]:
            topic["summary"] = topic["heading"] or title
    return topic_of


def _topic(topic_of: dict, sentence: Sentence) -> str:
    return (
        topic_of.get((sentence.section, sentence.subsection))
        or topic_of.get((sentence.section, ""))
        or topic_of[("", "")]
    )


def _metric(
    sentence: Sentence,
    figure: Figure,
    report: ReportText,
    key: str,
    year: int | None,
    place: str,
    topic_of: dict,
    phrasings: _Phrasings,
) -> dict | str:
    siblings = list(sentence.figures)
    name = metric_name(figure, siblings)
    if len(re.sub(r"[^\u4e00-\u9fff]", "", name)) < 2:
        return f"{figure.value}（“{figure.clause}”）：分句中没有可作名称的文字"
    answer = figure.clause.strip(" ，,；;") + "。"
    if figure.value not in answer:
        return f"{figure.value}（“{figure.clause}”）：不在所在分句中"
    unit = figure.unit[-1:] if figure.unit and figure.unit[-1] not in "%名" else ""
    keyword = _keyword(name)
    _, after = figure_words(figure, siblings)
    after = _balance(re.split(r"[，,；;。]", after)[0].strip(" 、"))
    kind_word = {"money": "金额", "people": "人数", "percent": "比例", "change": "变化幅度", "rank": "排名"}.get(
        figure.kind, "数量"
    )
    if figure.role == "target":
        return _target_metric(sentence, figure, name, keyword, key, year, place, topic_of, phrasings)
    candidates = (
        [name, name + kind_word]
        + ([after] if len(after) >= 4 else [])
        + [
            figure.clause.strip(" ，,；;"),
            keyword,
            f"{name}是多少" if figure.kind != "rank" else f"{name}排名第几",
            f"{keyword}有多少{unit}" if unit else f"{keyword}是多少",
        ]
    )
    extra = [
        f"{year}年{name}" if year else f"{place}{name}",
        f"{place}{name}",
        f"{sentence.subsection}{keyword}",
        f"{sentence.section}{keyword}",
        f"{name}（{figure.value}）",
        f"{keyword}的数据",
        f"关于{keyword}",
        f"{keyword}统计",
        f"{name}的数字",
    ]
    chosen = phrasings.take(candidates, MIN_ALIASES + 1, extra)
    if not chosen:  # the name is another figure's: qualify it by its part of the report and its clause
        where = sentence.subsection or sentence.section
        qualified = [f"{where}：{name}", f"{name}（{figure.clause.strip(' ，,；;')}）", f"{where}{keyword}数量"]
        chosen = phrasings.take(qualified + [f"{c}（{figure.value}）" for c in candidates], MIN_ALIASES + 1, extra)
    if not chosen:
        return f"{figure.value}（“{figure.clause}”）：名称与其他数字重复"
    number = int(figure.number) if float(figure.number).is_integer() else figure.number
    return {
        "id": stable_id("m", key, sentence.text, figure.value, str(figure.start)),
        "name": chosen[0],
        "aliases": chosen[1:],
        "value": figure.value,
        "number": number,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "scope": _scope(sentence, figure, place),
        "year": year or 0,
        "topic": _topic(topic_of, sentence),
        "source": sentence.text,
        "answer": answer,
        "kind": figure.role,
        "draft": True,
    }


def target_year(sentence: Sentence, year: int | None) -> int | None:
    """The year a target is set for: written in its sentence or heading, else the next year."""
    for text in (sentence.text, sentence.subsection, sentence.section):
        found = re.search(r"((?:19|20)\d\d)年", text or "")
        if found and (not year or int(found.group(1)) > year):
            return int(found.group(1))
    return year + 1 if year else None


def _target_metric(
    sentence: Sentence,
    figure: Figure,
    name: str,
    keyword: str,
    key: str,
    year: int | None,
    place: str,
    topic_of: dict,
    phrasings: _Phrasings,
) -> dict | str:
    """A target ("力争执法案卷优秀率达到85%以上"): named and asked as a target only, so that a plain
    question about the measure never finds it."""
    name = re.sub(r"^(?:\d+[.．、]\s*)?(?:目标[：:]?|力争|争取|到\d{4}年(?:底|末)?)?", "", name).strip() or name
    name = re.sub(r"(?:控制在|控制)?(?:以上|以内)?$", "", name)
    keyword = _keyword(name)
    goal_year = target_year(sentence, year)
    when = f"{goal_year}年" if goal_year else ""
    candidates = [
        f"{when}{name}目标",
        f"{name}的目标是多少",
        f"{name}计划达到多少",
        f"{when}{keyword}要达到多少",
        f"{keyword}目标",
        figure.clause.strip(" ，,；;"),
    ]
    extra = [f"{when}{name}的目标", f"明年{keyword}要达到多少", f"{keyword}的目标值", f"{place}{name}目标"]
    chosen = phrasings.take(candidates, MIN_ALIASES + 1, extra)
    if not chosen:
        chosen = phrasings.take([f"{c}（{figure.value}）" for c in candidates], MIN_ALIASES + 1, [])
    if not chosen:
        return f"{figure.value}（“{figure.clause}”）：名称与其他数字重复"
    number = int(figure.number) if float(figure.number).is_integer() else figure.number
    answer = figure.clause.strip(" ，,；;") + "。"
    return {
        "id": stable_id("m", key, sentence.text, figure.value, str(figure.start)),
        "name": chosen[0],
        "aliases": chosen[1:],
        "value": figure.value,
        "number": number,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "scope": _scope(sentence, figure, place),
        "year": year or 0,
        "topic": _topic(topic_of, sentence),
        "source": sentence.text,
        "answer": answer,
        "kind": "target",
        "draft": True,
    }


def _terms(report: ReportText) -> list[tuple[str, str, Sentence]]:
    """(kind, term, first sentence) for documents, quoted terms, honours and named bodies."""
    found: dict[str, tuple[str, str, Sentence]] = {}

    from bot.text import lexicon

    def add(kind: str, term: str, sentence: Sentence) -> None:
        term = term.strip("“”\"' ")
        if len(term) < 2 or re.fullmatch(r"[\d.%]+", term) or term in _GENERIC_NAMES:
            return
        if kind == "term" and len(term) == 2 and term in lexicon.words():
            return  # “力度”“纸质”: quotes for emphasis around an everyday word, not a name
        found.setdefault(term, (kind, term, sentence))

    for sentence in report.sentences:
        if sentence.is_lead:
            continue
        for m in _DOC_RE.finditer(sentence.text):
            add("document", m.group(1), sentence)
        for m in _TERM_RE.finditer(sentence.text):
            add("term", m.group(1), sentence)
        for clause in re.split(r"[，,；;。]", sentence.text):
            honour = _HONOUR_RE.search(clause)
            if honour and honour.start() >= 2:
                subject = _VERB_LEAD_RE.sub("", clause[: honour.start()]).strip("“”，, ")
                subject = re.sub(r"(?:成功|已|均|先后|分别)$", "", subject).strip("“”")
                subject = re.split(r"[、，,]", subject)[-1] if "、" not in subject else subject
                if 2 <= len(subject) <= 20:
                    add("honour", subject, sentence)
            for token in re.split(r"[、]", clause):
                token = _VERB_LEAD_RE.sub("", token.strip("“”《》 "))
                name = _body_name(token)
                if name:
                    add("body", name, sentence)
    return list(found.values())


def _body_name(token: str) -> str:
    """The longest start of `token` (2–12 characters) that ends in a body or place suffix."""
    best = ""
    for suffix in _BODY_SUFFIXES:
        at = token.find(suffix)
        while at >= 0:
            end = at + len(suffix)
            if 2 <= end <= 12 and end > len(best):
                best = token[:end]
            at = token.find(suffix, at + 1)
    if not best or best in _GENERIC_NAMES or re.search(r"[\d“”《》和及与、]", best) or best in ("市县", "县市"):
        return ""
    if any(best.startswith(word) for word in _verbs_at_start(best)):
        return ""  # "配合市", "破解城市", "坚持市": a verb cut off with a suffix, not a body
    if re.match(
        r"^(?:全|各|本|我|该|这|那|其|市委市政府|打造|加强|推进|深化|落实|建设|创建|组建|设立|召开|确定|共计|"
        r"持续|保障|开展|完善|印发|出台|组织|发布|行政机关|文化)",
        best,
    ):
        return ""
    if (
        best.endswith(_PLACE_SUFFIXES)
        and not best.endswith(("街道", "委员会"))
        and len(best) > 4
        and not best.endswith(("局", "院", "厅", "室", "站", "中心", "团队"))
    ):
        return ""
    return best


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Verbs, prepositions, adverbs and conjunctions of jieba's dictionary (its POS column)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    found = set()
    try:
        with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 3 and 2 <= len(parts[0]) <= 4 and parts[2][:1] in ("v", "p", "d", "c"):
                    if parts[2] not in ("vn",):
                        found.add(parts[0])
    except OSError:
        return frozenset()
    return frozenset(found)


def _verbs_at_start(text: str) -> list[str]:
    verbs = _verbs()
    return [text[:n] for n in (2, 3, 4) if text[:n] in verbs]


# Phrasings that stay different after normalisation (which drops 是什么, 吗, 情况 …).
_QUESTIONS = {
    "document": (
        "《{t}》是什么？",
        ["{t}的内容", "{t}讲了什么", "介绍一下{t}", "{t}的要求", "出台{t}", "{t}有什么规定"],
    ),
    "term": ("“{t}”是什么？", ["{t}是怎么做的", "{t}的做法", "介绍一下{t}", "{t}的成效", "{t}的意思", "{t}指的啥"]),
    "honour": (
        "{t}获得了什么荣誉？",
        ["{t}获得了什么称号", "{t}得了什么奖", "{t}的荣誉", "{t}获奖", "{t}被评为什么", "{t}受过什么表彰"],
    ),
    "body": (
        "{t}做了哪些工作？",
        ["{t}做了什么", "{t}的工作", "{t}取得了哪些成效", "介绍一下{t}", "关于{t}", "{t}有什么荣誉"],
    ),
}


def _faqs(
    report: ReportText,
    key: str,
    topic_of: dict,
    phrasings: _Phrasings,
    reviewed: set[str] = frozenset(),
    place: str = "",
) -> list[dict]:
    rows = []
    for kind, term, sentence in _terms(report)[:MAX_FAQS]:
        if stable_id("f", key, kind, term) in reviewed:
            continue
        if kind == "body" and place and term in (place, place.rstrip("市区县")):
            continue  # the report's own place: the whole report is its work
        question, alternates = _QUESTIONS[kind]
        texts = [question.format(t=term)] + [a.format(t=term) for a in alternates]
        chosen = phrasings.take(texts, MIN_ALTERNATES + 1, [])
        if not chosen:
            continue
        rows.append(
            {
                "id": stable_id("f", key, kind, term),
                "question": chosen[0],
                "alternates": chosen[1:],
                "answer": sentence.text.rstrip("；;") if sentence.text[-1:] in "；;" else sentence.text,
                "source": sentence.text,
                "topic": _topic(topic_of, sentence),
                "draft": True,
            }
        )
    return rows
