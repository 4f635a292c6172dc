"""Metamorphic tests of the engine (issue 15), after CheckList (Ribeiro et al., "Beyond Accuracy:
Behavioral Testing of NLP Models with CheckList", ACL 2020).

The originals are the in-scope questions of the tuning sets (tests/eval/tuning.yaml and
styles-tuning.yaml) that the engine answers right. Seeded generators transform them:

* invariance (the judged answer must stay right): a personal story before or after, fillers and
  politeness and emoji, punctuation and spaces removed or doubled, traditional characters, a
  homophone typo, numbers in words, pinyin for one word;
* direction (the answer must change): a near-miss measure → no figure; another year or city →
  scope decline; a practical ending → how-to decline; where the subject stands in the province
  → its own rank as the report words it, else no figure;
* composition: several subjects as an enumeration or a comparison → every figure; a check of the
  figure just given, right or wrong, in digits or words → 是的/不是 on the same measure; a figure
  someone told the asker, then a check naming nothing ("…，是真的吗") → 是的/不是 on that figure.

`measure(engine, report)` runs them all; `bench_rows` gives (transform, cases, pass rate).
"""

from benchmarks.metamorphic.suite import DEFAULT_SEED, TRANSFORMS, Measurement, bench_rows, build_cases, measure

__all__ = ["DEFAULT_SEED", "TRANSFORMS", "Measurement", "bench_rows", "build_cases", "measure"]
