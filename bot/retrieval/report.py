"""Retrieval over the report's own text: its sentences and its figure clauses.

Rows: every sentence, and for every figure its own stretch of the clause (from the previous
figure to the next: "、部门规范性文件51件") and its whole clause with the clause before it.
Candidates carry the id `report:<sentence id>` and, for a figure row, the `Figure`.
"""

from __future__ import annotations

from bot.analysis import Analysis
from bot.analysis.numbers import figure_range
from bot.engine.memo import once
from bot.engine.params import Params
from bot.knowledge.reporttext import Figure, ReportText, Sentence
from bot.retrieval import Candidate, retrieval_key
from bot.retrieval.index import TextIndex
from bot.retrieval.scoring import Content, figure_fit, scale_of
from bot.text.normalize import Synonyms, normalize

REPORT_PREFIX = "report:"


def local_text(figure: Figure, siblings: list[Figure]) -> str:
    """The figure's own words: its clause from the previous figure's end to the next one's start."""
    clause = figure.clause
    at = clause.find(figure.value)
    if at < 0:
        return clause
    start, end = 0, len(clause)
    for other in siblings:
        if other is figure or other.clause != clause:
            continue
        pos = clause.find(other.value)
        if pos < 0:
            continue
        if pos < at:
            start = max(start, pos + len(other.value))
        elif pos > at:
            end = min(end, pos)
    return clause[start:end]


class ReportRetriever:
    def __init__(self, report: ReportText, synonyms: Synonyms, params: Params):
        self.report = report
        self.params = params
        norm = lambda text: normalize(text, synonyms)  # noqa: E731
        owners, norms, weights, kinds = [], [], [], []
        self.figures: list[tuple[Sentence, Figure]] = []
        for sentence in report.sentences:
            n = norm(sentence.text)
            if n:
                owners.append(f"s{sentence.id}")
                norms.append(n)
                weights.append(params.sentence_weight)
                kinds.append(-1)
            siblings = list(sentence.figures)
            for figure in sentence.figures:
                k = len(self.figures)
                self.figures.append((sentence, figure))
                for text, weight in (
                    (local_text(figure, siblings), params.clause_weight),
                    (figure.context + figure.clause, params.clause_weight * 0.9),
                ):
                    n = norm(text)
                    if n:
                        owners.append(f"f{k}")
                        norms.append(n)
                        weights.append(weight)
                        kinds.append(k)
        self.index = TextIndex(norms, owners, weights)
        self._kinds = kinds  # per row: the figure's number, or -1 for a sentence
        self.sentence_chars = {s.id: frozenset(norm(s.text + s.section + s.subsection)) for s in report.sentences}
        # A figure's words: its clause, the clause before, and the headings above it.
        self.bounds = [figure_range(f.number, scale_of(f.unit), f.qualifier) for _, f in self.figures]
        self.figure_chars = [frozenset(norm(f.context + f.clause + s.subsection + s.section)) for s, f in self.figures]
        self.vocabulary = frozenset().union(*self.sentence_chars.values()) if self.sentence_chars else frozenset()
        self.normalized_text = norm(report.text)

    def candidates(
        self, analysis: Analysis, limit: int = 8, text: str | None = None
    ) -> tuple[list[Candidate], list[Candidate]]:
        """(best sentences, best figure clauses), highest score first (once per message for the same ask)."""
        q = analysis.core if text is None else text
        sentences, figures = once((self, limit, retrieval_key(analysis, q)), lambda: self._ranked(analysis, q, limit))
        return list(sentences), list(figures)

    def _ranked(self, analysis: Analysis, q: str, limit: int) -> tuple[list[Candidate], list[Candidate]]:
        p = self.params
        rows, scores = self.index.similarity(q, p)
        content = Content(q, self.vocabulary, p)
        quoted = [n for n in analysis.numbers if n.exact] if analysis.quotes_figure else []
        sentences: dict[str, Candidate] = {}
        figures: dict[int, Candidate] = {}
        subject = analysis.figure_is_subject
        if len(scores) > p.shortlist:
            top = (-scores).argpartition(p.shortlist)[: p.shortlist]
            order = top[(-scores[top]).argsort(kind="stable")]
        else:
            order = (-scores).argsort(kind="stable")
        owners, kinds = self.index.owners, self._kinds
        for i, similarity in zip(rows[order].tolist(), scores[order].tolist()):
            if len(sentences) >= limit and len(figures) >= limit:
                break  # enough: rows come best by similarity; the bonuses seldom lift a lower one this far
            k = kinds[i]
            if k < 0:
                sid = owners[i][1:]
                if sid in sentences:
                    continue
                missing = content.missing(self.sentence_chars[sid])
                score = similarity - p.coverage_penalty * missing
                if quoted and not analysis.figure_is_subject and self._quotes(sid, quoted):
                    score += p.context_sentence_bonus
                if analysis.scope.counties and any(c in self.report.by_id[sid].text for c in analysis.scope.counties):
                    score += p.place_bonus
                sentences[sid] = Candidate(REPORT_PREFIX + sid, score, self.index.norms[i], missing)
            elif k not in figures:
                sentence, figure = self.figures[k]
                missing = content.missing(self.figure_chars[k])
                fit = figure_fit(
                    analysis, figure.number, figure.unit, figure.qualifier, figure.value, p, subject, self.bounds[k]
                )
                if quoted and not analysis.figure_is_subject and self._quotes(sentence.id, quoted):
                    fit += p.context_sentence_bonus
                score = similarity + fit - p.coverage_penalty * missing
                figures[k] = Candidate(REPORT_PREFIX + sentence.id, score, self.index.norms[i], missing, figure)
        rank = lambda found: sorted(found.values(), key=lambda c: -c.score)[:limit]  # noqa: E731
        return rank(sentences), rank(figures)

    def _quotes(self, sid: str, quoted) -> bool:
        """Whether the sentence holds one of the exact figures the question quotes."""
        sentence = self.report.by_id[sid]
        return any(
            abs(f.magnitude - n.low) < 1e-9 and (f.unit == "%") == n.percent for f in sentence.figures for n in quoted
        )

    def sentence(self, candidate_id: str) -> Sentence | None:
        return self.report.by_id.get(candidate_id[len(REPORT_PREFIX) :])
