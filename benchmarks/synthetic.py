"""Synthetic knowledge bases k× the real one, for latency at scale.

`write_scaled(source_dir, target_dir, factor, seed)` writes a complete, valid knowledge
folder: the real report, topics and synonyms unchanged; the real metrics and FAQs; and
(factor − 1) synthetic copies of every real entry. A synthetic entry keeps its template's
answer, source, topic and figure fields (so the loader's checks against report.txt pass
for real), and gets new phrasings made by splicing the head of one real phrasing onto the
tail of another (seeded), each unique after normalisation as the loader requires.
The result is loaded with `load_knowledge`, so the real loader and validator are measured.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from bot.knowledge.load import load_knowledge
from bot.knowledge.model import REPORT_FILE
from bot.text.normalize import normalize

KIND_FILES = (("metrics.yaml", "metrics", "name", "aliases"), ("faq.yaml", "faqs", "question", "alternates"))


def _splice(rng: random.Random, pool: list[str]) -> str:
    a, b = rng.sample(pool, 2)
    i = rng.randint(2, max(2, len(a) - 1))
    j = rng.randint(1, max(1, len(b) - 2))
    return a[:i] + b[j:]


def write_scaled(source_dir: Path, target_dir: Path, factor: int, seed: int) -> Path:
    source_dir, target_dir = Path(source_dir), Path(target_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    for name in (REPORT_FILE, "topics.yaml", "synonyms.yaml"):
        shutil.copyfile(source_dir / name, target_dir / name)
    synonyms = load_knowledge(source_dir).synonyms
    rng = random.Random(f"{seed}:{factor}")

    raw = {name: yaml.safe_load((source_dir / name).read_text(encoding="utf-8")) for name, *_ in KIND_FILES}
    pool: list[str] = []
    seen: set[str] = set()
    for name, list_key, title_key, alt_key in KIND_FILES:
        for item in raw[name][list_key]:
            for text in [item[title_key], *item[alt_key]]:
                pool.append(text)
                seen.add(normalize(text, synonyms))

    def fresh() -> str:
        while True:
            text = _splice(rng, pool)
            key = normalize(text, synonyms)
            if len(key) >= 4 and key not in seen:
                seen.add(key)
                return text

    serial = 0
    for name, list_key, title_key, alt_key in KIND_FILES:
        templates = list(raw[name][list_key])
        out = list(templates)
        for copy in range(1, factor):
            for template in templates:
                serial += 1
                item = {k: v for k, v in template.items() if k != "related"}
                item["id"] = f"syn{copy}_{serial}"
                item[title_key] = fresh()
                item[alt_key] = [fresh() for _ in template[alt_key]]
                out.append(item)
        document = {"version": 1, list_key: out}
        (target_dir / name).write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
    return target_dir
