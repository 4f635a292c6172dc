"""Every weight and threshold of the engine, in one object with declared defaults.

`Params()` is what the bot runs with; `python -m bot tune` searches some of these fields by
k-fold cross-validation on the tuning set and prints the folds. Nothing else in the engine
holds a tunable number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Params:
    # --- similarity (retrieval/index.py, scoring.py) -----------------------------------
    query_weight: float = 0.6  # share of the query matched vs share of the row matched
    sequence_weight: float = 0.85  # LCS part vs IDF-weighted bigram part
    pinyin_credit: float = 0.8  # a match only by sound counts this much (homophone typos)
    unknown_char_weight: float = 0.5  # a query character the knowledge never uses weighs extra
    lcs_pool: int = 150  # rows (best by bigrams) whose LCS is computed
    # --- curated entries (retrieval/curated.py, scoring.py) --------------------------
    answer_text_weight: float = 0.8  # an entry's answer text is a phrasing at this discount
    source_text_weight: float = 0.7  # ... and its source sentence at this one
    intent_bonus: float = 0.03  # figure question → metric, description → FAQ
    name_metric_penalty: float = 0.1  # who / which / what-is-it-called asked of a metric
    unit_bonus: float = 0.06  # "有几家" prefers a metric counted in 家
    measure_penalty: float = 0.25  # asked money/people/percent/a count, the figure measures something else
    figure_bonus: float = 0.3  # the question quotes this metric's exact figure
    context_figure_penalty: float = 0.15  # ... as context while asking another figure
    range_bonus: float = 0.08  # a rough number of the question fits this metric's figure
    named_figure_bonus: float = 0.15  # the question quotes a figure named in the phrasings (跑1次)
    named_figure_mismatch_penalty: float = 0.05  # ... or names another count of the same (跑2次 vs 跑1次)
    place_bonus: float = 0.15  # the text names the county or district the question names
    coverage_penalty: float = 0.15  # times the share of the question's content the entry never uses
    unknown_coverage_weight: float = 2.0  # a character absent from the whole knowledge counts this much
    shortlist: int = 60  # best rows considered ...
    rerank_pool: int = 16  # ... until this many different entries are found
    # --- report sentences and figure clauses (retrieval/report.py) ------------------
    clause_weight: float = 1.0  # a figure's own clause, as a row
    sentence_weight: float = 0.95  # a whole sentence, as a row
    context_sentence_bonus: float = 0.1  # the sentence holds a figure the question quotes as context
    # --- decision (decision.py) ------------------------------------------------------------
    answer_min: float = 0.40  # a curated entry is answered from this score ...
    answer_margin: float = 0.02  # ... when it leads the next entry by this much
    short_query_margin: float = 0.1  # ... or this much for a one- or two-character query
    clear_lead: float = 0.20  # below answer_min, a lead this wide still answers
    clarify_min: float = 0.30  # entries from here up are offered as "您是想问"
    area_min: float = 0.6  # "X方面做了什么": share of X's character pairs a heading must have
    area_content_min: float = 0.85  # ... else a sub-section whose heading and sentences have this share
    area_content_lead: float = 0.2  # ... ahead of every other sub-section by this much
    area_concentration_min: float = 0.25  # ... else one where this share of the area's words stand ...
    area_concentration_ratio: float = 3.0  # ... this many times any other sub-section's share
    clarify_window: float = 0.12  # ... when within this distance of the best
    clarify_max: int = 4
    lone_option_missing: float = 0.45  # a single "您是想问" option lacking at most this share of the question answers
    report_min: float = 0.42  # a report sentence or clause is answered from this score
    report_over_curated: float = 0.08  # a report row beats the best entry only by this much
    report_skip_above: float = 0.9  # an entry scoring this (and leading) is answered without the report rows
    agree_min: float = 0.25  # a report sentence this close that sources the best entry(ies) answers
    absent_max_coverage: float = 0.34  # "报告中没有X" only for an ask the report has less of than this share of
    described_share: float = 0.75  # a name asked of a description: the naming sentence holding this share of its words
    described_pool: int = 8  # ... among this many best sentences
    named_lead: float = 0.05  # a name asked: the best sentence naming one leads the next by this much
    sibling_window: float = 0.1  # a second part of the same measure scoring this close is given beside it
    content_min: float = 0.5  # share of the question's content words the answer must contain
    split_margin: float = 0.0  # a split wins over the whole when its parts score this much more
    followup_pool: int = 6  # follow-ups choose among this many top candidates ...
    followup_lead: float = 0.1  # ... when one covers the context this much better
    followup_cover: float = 0.5  # ... and the last answer's name and the ask cover this much of its name
    followup_trust: float = 0.3  # an entry leading the next by this much answers a follow-up as it is
    stated_rest_min: float = 0.6  # after a clause stating a known figure, the rest answers alone from this score
    short_query_chars: int = 2
    other_reading_min: float = 0.7  # pinyin read as the less frequent word answers from this score


DEFAULT = Params()
