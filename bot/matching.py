"""Matching: score every phrasing of the knowledge base against a query, and decide.

The score of a phrasing (0–1) is computed in `Matcher.phrasing_scores` from two parts:
  * sequence — longest common subsequence (LCS) of characters, plus PINYIN_CREDIT × the
    extra LCS found on pinyin symbols (homophone typos);
  * terms — character bigrams weighted by rarity (IDF over entries), on characters and on
    pinyin symbols; a bigram the knowledge base never uses weighs as much as the rarest,
    so a question about something the report does not cover ("执法记录仪多少钱") scores low.
Each part is QUERY_WEIGHT × (share of the query matched) + the rest × (share of the
phrasing matched); the score is SEQUENCE_WEIGHT × sequence + the rest × terms, plus small
bonuses when the query names a figure of that metric, asks in its unit (几家), or asks for
a figure / a description. An entry's score is its best phrasing's, less COVERAGE_PENALTY
for query words its whole text never uses (`rank`). For the best entry, `_gap` names
what the query asks that the entry cannot answer (a figure it lacks, a total or a list
where it has a part or a count, a head count of things, unexplained words); `decide`
then never answers it outright. `decide` turns the ranking into answer / clarify /
fallback using the thresholds below — the only place they are set.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from .figures import figure_key, figures_in, index_figures, metrics_with_figure
from .knowledge import Entry, Knowledge
from .normalize import clean, convert_numerals, drop_filler, normalize, pinyin_key

# --- thresholds and weights (chosen on tests/eval/questions.yaml) -------------
ANSWER_MIN = 0.40      # best entry must reach this to be answered ...
ANSWER_MARGIN = 0.02   # ... and lead the next different entry by this much
SHORT_QUERY_MARGIN = 0.1  # ... or by this much for a one-word query ("执法", "证明")
CLARIFY_MIN = 0.30     # entries from here up are offered as "您是想问"
CLEAR_LEAD = 0.20      # below ANSWER_MIN, a lead this wide over the next entry still answers
CLARIFY_WINDOW = 0.12  # ... if within this distance of the best
CLARIFY_MAX = 4
QUERY_WEIGHT = 0.6     # share-of-query vs share-of-phrasing
SEQUENCE_WEIGHT = 0.85 # sequence part vs terms part
PINYIN_CREDIT = 0.8    # a match only by sound counts this much
UNKNOWN_CHAR_WEIGHT = 0.5
INTENT_BONUS = 0.03
ANSWER_TEXT_WEIGHT = 0.8  # an entry's answer text counts as a phrasing, at this discount
UNIT_BONUS = 0.06      # "有几家" prefers a metric counted in 家
UNKNOWN_COVERAGE_WEIGHT = 2.0  # a character the whole knowledge base never uses counts this much
COVERAGE_PENALTY = 0.2  # times the share of the query's content the entry's text never uses
NAMED_FIGURE_BONUS = 0.15  # the query quotes a figure named in the entry's phrasings ("跑1次")
FIGURE_BONUS = 0.3     # the query quotes this metric's figure ("4400台执法记录仪")
SHORTLIST = 60        # best phrasings considered ...
RERANK_POOL = 16      # ... until this many different entries are found
LCS_POOL = 300        # phrasings (best by terms) whose sequence part is computed
FOLLOWUP_POOL = 6    # follow-ups choose among this many top candidates ...
FOLLOWUP_LEAD = 0.1  # ... when one covers the context this much better

# Everyday characters that carry no subject: not held against an entry that lacks them.
GLUE_CHARS = frozenset("是有在和与及或也都还就要能会可以被给把让去来到说做搞弄个们这那哪谁啥怎么样为对从向跟里上下中些其该"
                       "不没很太最更多少几吧吗呢啊呀哦嘛么的了着过地得一二三四五六七八九十0123456789%.")
# Everyday question words: not evidence that a question asks for something else.
GLUE_WORDS = re.compile("怎么回事|咋回事|回事|意思|概念|东西|到底|百分之|运作|是不是|真的|假的|真假|听说|直接|自己|现在|"
                        "时候|我们|咱们|你们|他们|大家|目前|已经|还是|或者|方面|一般|主要|具体|好处|作用|效果|享受|"
                        "公司|单位|平台|指标|推进|开展|服务|称号|荣誉|想|达到|原来|结合|起来|顺带|工作|问题|年|"
                        "分别|受益|成效|成果|成绩|进展|咱|去年")
_RATE_RE = re.compile(r"百分之多少|百分之几|比例是多少|比例多少|比率是多少|占比多少|占比是多少")
_LIST_RE = re.compile(r"哪几[项个家件条类种名处]|具体是哪|分别是哪|具体有哪|都有哪|是哪些|有哪些")
_TOTAL_RE = re.compile(r"总共|一共|总数|共有|全部|所有|总计|合计")
# Words that make a figure a part, not a whole (新增5个 is not the total number).
RESTRICTIVE_WORDS = ("新增", "通过初评", "第一批", "首批", "第二批", "再次")
GAP_MAX = 2  # a gap this long (牌子, 面积, 施行) means the entry does not answer the question
_WANTS_FIGURE = re.compile(r"多少|几|数量|数目|比例|占比|金额|多大|多高|百分|比率|排名|第几|多快")
_ASKED_UNIT = re.compile(r"(?:多少|几)[\u4e00-\u9fff]?(人次|万元|[项件家个台处条类种名起次人元位])")
_PEOPLE_UNITS = set("名人位")
_WANTS_TEXT = re.compile(r"是什么|什么是|什么意思|怎么|如何|哪些|哪个|哪里|介绍|内容|含义|做法|为什么|举措|措施|荣誉|称号")


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    score: float
    phrasing: str
    gap: str = ""  # (best candidate only) what the query asks that the entry never mentions


@dataclass(frozen=True)
class Query:
    text: str          # the normalised query used for scoring
    wants_figure: bool
    wants_text: bool
    figures: tuple[tuple[str, str], ...] = ()  # (figure key, unit) quoted in the query
    asked_unit: str = ""  # the unit a "多少家/几个" question counts in
    full: str = ""  # the normalised query before filler was dropped


@dataclass(frozen=True)
class Decision:
    status: str  # "answer" | "clarify" | "fallback"
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


class _TermIndex:
    """IDF-weighted bigram index over the phrasings (characters or pinyin symbols)."""

    def __init__(self, forms: list[str], owners: list[str]):
        postings: dict[str, list[int]] = defaultdict(list)
        entries_with: dict[str, set[str]] = defaultdict(set)
        grams = [bigrams(f) for f in forms]
        for i, (gs, owner) in enumerate(zip(grams, owners)):
            for g in gs:
                postings[g].append(i)
                entries_with[g].add(owner)
        n_entries = len(set(owners)) or 1
        self.idf = {g: math.log(1 + n_entries / len(e)) for g, e in entries_with.items()}
        self.unknown_idf = math.log(1 + n_entries)
        self._postings = postings  # bigram → rows; made arrays on first use (start-up stays short)
        self._arrays: dict[str, np.ndarray] = {}
        self._forms = forms
        self._singles: dict[str, np.ndarray] | None = None
        self.totals = np.array([sum(self.idf[g] for g in gs) or 1.0 for gs in grams])
        self.size = len(forms)

    def containing(self, char: str) -> np.ndarray:
        """Rows whose form contains this character (or sound symbol); indexed on first use."""
        if self._singles is None:
            singles: dict[str, set[int]] = defaultdict(set)
            for i, form in enumerate(self._forms):
                for c in form:
                    singles[c].add(i)
            self._singles = {c: np.array(sorted(ix), dtype=np.int64) for c, ix in singles.items()}
        return self._singles.get(char, np.zeros(0, dtype=np.int64))

    def _rows(self, gram: str) -> np.ndarray | None:
        rows = self._arrays.get(gram)
        if rows is None and gram in self._postings:
            rows = self._arrays[gram] = np.array(self._postings[gram], dtype=np.int64)
        return rows

    def matched(self, text: str) -> tuple[np.ndarray, float]:
        """Weight of the query's bigrams found in each phrasing, and the query's total weight."""
        found = np.zeros(self.size)
        total = 0.0
        for g in bigrams(text):
            ix = self._rows(g)
            if ix is None:
                total += self.unknown_idf
                continue
            weight = self.idf[g]
            total += weight
            found[ix] += weight
        return found, total


class Matcher:
    """Precomputed normalised and pinyin forms of every phrasing, scored with rapidfuzz."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.synonyms = knowledge.synonyms
        owners, texts, norms, weights = [], [], [], []
        for entry in knowledge.entries.values():
            # The answer text is matched too, at a discount: it names details (营业执照, 中级人民法院)
            # that no phrasing mentions.
            for text, weight in [(t, 1.0) for t in entry.phrasings] + [(entry.answer, ANSWER_TEXT_WEIGHT)]:
                norm = self._normalize(text)
                if norm:
                    owners.append(entry.id)
                    texts.append(text)
                    norms.append(norm)
                    weights.append(weight)
        self._owners = owners
        self._texts = texts
        self._norms = norms
        self._keys = [pinyin_key(n) for n in norms]
        self._norm_array = np.array(norms, dtype=object)
        self._key_array = np.array(self._keys, dtype=object)
        self._lengths = np.array([len(n) for n in norms], dtype=np.float64)
        self._weights = np.array(weights)
        self._is_metric = np.array([knowledge.entries[o].is_metric for o in owners], dtype=bool)
        rows_of: dict[str, list[int]] = defaultdict(list)
        for i, owner in enumerate(owners):
            rows_of[owner].append(i)
        self._rows_of = {owner: np.array(rows) for owner, rows in rows_of.items()}
        self._chars = _TermIndex(norms, owners)
        self._sounds = _TermIndex(self._keys, owners)
        self._unit_last = np.array([knowledge.entries[o].unit[-1:] for o in owners])
        self._entry_chars = {
            e.id: frozenset(self._normalize(" ".join(e.phrasings + (e.answer, e.source, e.value))))
            for e in knowledge.entries.values()}
        self.vocabulary = frozenset().union(*self._entry_chars.values())
        self.figure_index = index_figures(knowledge.metrics)
        # Figures named in an entry's own phrasings ("跑动1次事项数"): a query quoting one leans there.
        named: dict[str, list[np.ndarray]] = defaultdict(list)
        for entry in knowledge.entries.values():
            for figure in {k for k, _ in figures_in(self._normalize(" ".join(entry.phrasings)))}:
                named[figure].append(self._rows_of[entry.id])
        self._named_figure_rows = {figure: np.concatenate(rows) for figure, rows in named.items()}
        self._entry_figures = {
            e.id: {k for k, _ in figures_in(self._normalize(" ".join(e.phrasings + (e.answer, e.source))))}
            | {figure_key(e)} for e in knowledge.entries.values()}

    def _normalize(self, text: str) -> str:
        return normalize(text, self.synonyms)

    def prepare(self, text: str) -> Query:
        """Normalise a user query, noting whether it asks for a figure or a description."""
        full = self.synonyms.apply(convert_numerals(clean(text)))
        unit = _ASKED_UNIT.search(full)
        return Query(drop_filler(full), bool(_WANTS_FIGURE.search(full)), bool(_WANTS_TEXT.search(full)),
                     tuple(figures_in(full)), unit.group(1)[-1] if unit else "", full)

    def phrasing_scores(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """(row numbers, scores 0–1 plus bonuses) of the phrasings that can match the query.

        A phrasing sharing no bigram with the query, not even by sound, is left out (it could
        only score the bonuses), unless the query quotes its figure. The sequence part is
        computed for at most LCS_POOL rows, the best by terms, so the cost stays nearly flat
        as the knowledge base grows."""
        q = query.text
        if not q or not self._norms:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        key = pinyin_key(q)
        bonuses = self._figure_bonuses(query)
        # Terms part: rare bigrams shared, on characters and on sounds.
        if len(q) >= 2:
            char_found, char_total = self._chars.matched(q)
            sound_found, sound_total = self._sounds.matched(key)
            shortlisted = (char_found > 0) | (sound_found > 0)
            for bonus_rows, _ in bonuses:
                shortlisted[bonus_rows] = True
            rows = np.flatnonzero(shortlisted)
            chars_in, sounds_in = char_found[rows], sound_found[rows]
            terms = np.maximum(
                QUERY_WEIGHT * chars_in / char_total + (1 - QUERY_WEIGHT) * chars_in / self._chars.totals[rows],
                PINYIN_CREDIT * (QUERY_WEIGHT * sounds_in / sound_total
                                 + (1 - QUERY_WEIGHT) * sounds_in / self._sounds.totals[rows]))
            pool = (np.argpartition(-terms, LCS_POOL)[:LCS_POOL] if len(rows) > LCS_POOL
                    else np.arange(len(rows)))
        else:  # one character: the phrasings that contain it, or its sound
            rows = np.union1d(self._chars.containing(q), self._sounds.containing(key))
            terms, pool = None, np.arange(len(rows))
        # Sequence part: LCS on characters, topped up by LCS on sounds.
        matched = np.zeros(len(rows))
        if len(pool):
            picked = rows[pool]
            chars = process.cdist([q], self._norm_array[picked].tolist(), scorer=LCSseq.similarity,
                                  dtype=np.int32)[0]
            sounds = process.cdist([key], self._key_array[picked].tolist(), scorer=LCSseq.similarity,
                                   dtype=np.int32)[0]
            matched[pool] = chars + PINYIN_CREDIT * np.maximum(sounds - chars, 0)
        unknown = sum(1 for c in q if c not in self.vocabulary)
        query_len = len(q) + UNKNOWN_CHAR_WEIGHT * unknown
        sequence = QUERY_WEIGHT * matched / query_len + (1 - QUERY_WEIGHT) * matched / self._lengths[rows]
        if terms is None:
            terms = sequence
        scores = (SEQUENCE_WEIGHT * sequence + (1 - SEQUENCE_WEIGHT) * terms) * self._weights[rows]
        if query.wants_figure != query.wants_text:
            scores += np.where(self._is_metric[rows] == query.wants_figure, INTENT_BONUS, 0.0)
        if query.asked_unit:
            scores += np.where(self._unit_last[rows] == query.asked_unit, UNIT_BONUS, 0.0)
        if bonuses:  # every bonus row is in `rows`, which is sorted
            bonus_rows = np.concatenate([r for r, _ in bonuses])
            amounts = np.concatenate([np.full(len(r), amount) for r, amount in bonuses])
            np.add.at(scores, np.searchsorted(rows, bonus_rows), amounts)
        return rows, scores

    def _figure_bonuses(self, query: Query) -> list[tuple[np.ndarray, float]]:
        """Rows of the entries whose figure the query quotes, with the bonus each gets."""
        bonuses = []
        for figure, unit in query.figures:
            valued = metrics_with_figure(self.figure_index, figure, unit)
            if valued:
                bonuses.append((np.concatenate([self._rows_of[e.id] for e in valued]), FIGURE_BONUS))
            elif figure in self._named_figure_rows:
                bonuses.append((self._named_figure_rows[figure], NAMED_FIGURE_BONUS))
        return bonuses

    def rank(self, text: str | Query, limit: int = 10) -> list[Candidate]:
        """Best phrasing per entry, highest score first, after the coverage check."""
        query = self.prepare(text) if isinstance(text, str) else text
        rows, scores = self.phrasing_scores(query)
        if not len(rows):
            return []
        if len(scores) > SHORTLIST:
            top = np.argpartition(-scores, SHORTLIST)[:SHORTLIST]
            order = top[np.argsort(-scores[top], kind="stable")]
        else:
            order = np.argsort(-scores, kind="stable")
        best: dict[str, tuple[float, int]] = {}
        content = [c for c in query.text if c not in GLUE_CHARS]
        for position in order:
            i = int(rows[position])
            owner = self._owners[i]
            if owner in best:
                continue
            score = float(scores[position])
            if content:  # words the entry never uses suggest the question asks something else
                chars = self._entry_chars[owner]
                missing = sum(1 if c in self.vocabulary else UNKNOWN_COVERAGE_WEIGHT
                              for c in content if c not in chars)
                score -= COVERAGE_PENALTY * min(1.0, missing / len(content))
            best[owner] = (score, i)
            if len(best) >= RERANK_POOL:
                break
        ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
        candidates = [Candidate(owner, round(score, 4), self._texts[i]) for owner, (score, i) in ranked]
        if candidates:  # only the best one's gap matters to the decision
            gap = self._gap(GLUE_WORDS.sub(" ", query.text), candidates[0].entry_id, query)
            candidates[0] = Candidate(candidates[0].entry_id, candidates[0].score, candidates[0].phrasing, gap)
        return candidates


    def _gap(self, text: str, entry_id: str, query: Query) -> str:
        """What the entry does not explain: a figure of the query it never mentions (第三批 vs
        第二批), a count asked of a percentage, or the longest run of query characters that its
        text (phrasings, answer, source) lacks."""
        for figure, _ in query.figures:
            if figure not in self._entry_figures[entry_id]:
                return figure
        entry = self.knowledge.entries[entry_id]
        if query.asked_unit and entry.is_metric and entry.unit == "%":
            return "多少" + query.asked_unit
        if query.asked_unit in _PEOPLE_UNITS and entry.is_metric and entry.unit[-1:] not in _PEOPLE_UNITS | {"次"}:
            return "人数"  # "多少名调解员" asked of a count of disputes
        if _TOTAL_RE.search(query.full):
            for word in RESTRICTIVE_WORDS:  # "一共有几个立法联系点": the report only counts the new ones
                if word in entry.title and word not in query.full:
                    return "总数"
        if _RATE_RE.search(query.full) and "%" not in entry.value + entry.answer:
            return "具体比例"  # "柔性执法率是百分之多少": the entry gives no percentage
        if entry.is_metric and _LIST_RE.search(query.full):
            return "完整名单"  # "6项重大行政决策事项具体是哪几项": the report gives the count only
        if query.asked_unit and not query.wants_text and not entry.is_metric \
                and not re.search(r"\d", entry.answer):
            return "具体数量"  # a count asked of an entry that gives none
        chars = self._entry_chars[entry_id]
        longest = run = ""
        for c in text:
            run = "" if c in chars or c in GLUE_CHARS or c == " " else run + c
            longest = run if len(run) > len(longest) else longest
        return longest if len(longest) >= GAP_MAX else ""

    def rerank_followup(self, candidates: list[Candidate], previous: Entry, query: Query) -> Candidate | None:
        """Resolve an elliptical follow-up ("那成功率呢？") against the previous answer.

        Among the plausible candidates for the query alone, prefer the one whose name is
        best covered by "previous name + query": after 人民调解化解纠纷数, "成功率" means
        人民调解调处成功率. Returns None when the context does not single one out.
        """
        pool = [c for c in candidates[:FOLLOWUP_POOL]
                if c.score >= CLARIFY_MIN and c.entry_id != previous.id]
        if not pool:
            return None
        context = set(self._normalize(previous.title)) | set(query.text)

        def coverage(candidate: Candidate) -> float:
            name = set(self._normalize(self.knowledge.entries[candidate.entry_id].title))
            return len(name & context) / len(name) if name else 0.0

        ranked = sorted(pool, key=lambda c: (coverage(c), c.score), reverse=True)
        lead = coverage(ranked[0]) - (coverage(ranked[1]) if len(ranked) > 1 else 0.0)
        return ranked[0] if lead >= FOLLOWUP_LEAD else None


def decide(candidates: list[Candidate], short_query: bool = False) -> Decision:
    """Answer, clarify or fall back, from a ranking (see the thresholds above)."""
    if not candidates or candidates[0].score < CLARIFY_MIN:
        return Decision("fallback", tuple(candidates[:3]))
    top = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    lead = top.score - runner_up
    margin = SHORT_QUERY_MARGIN if short_query else ANSWER_MARGIN
    if not top.gap and ((top.score >= ANSWER_MIN and lead >= margin) or lead >= CLEAR_LEAD):
        return Decision("answer", (top,))
    # Not sure enough: offer the plausible entries (one "did you mean" if only one is close).
    close = [c for c in candidates if c.score >= CLARIFY_MIN and top.score - c.score <= CLARIFY_WINDOW]
    return Decision("clarify", tuple(close[:CLARIFY_MAX]))
