"""A lexical index over normalised texts ("rows"), shared by every retriever.

`TextIndex.similarity(query)` gives, for the rows that can match, a similarity in 0–1 made
of two parts (weights in `Params`):
  * sequence — longest common subsequence (LCS) of characters, topped up by the extra LCS
    found on pinyin symbols (homophone typos: 可半率 / 可办率);
  * terms — character bigrams weighted by rarity (IDF over owners), on characters and on
    sounds; a bigram the index never saw weighs as much as the rarest.
Each part is query_weight × (share of the query matched) + the rest × (share of the row).
A row sharing no bigram with the query, not even by sound, is left out unless asked for.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from bot.engine.params import Params
from bot.text.normalize import pinyin_key


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


class _TermIndex:
    """IDF-weighted bigram postings over the rows (characters or pinyin symbols)."""

    def __init__(self, forms: list[str], owners: list[str], offset: int = 0):
        postings: dict[str, list[int]] = defaultdict(list)
        owners_with: dict[str, set[str]] = defaultdict(set)
        grams = [bigrams(f) for f in forms]
        for i, (gs, owner) in enumerate(zip(grams, owners)):
            for g in gs:
                postings[g].append(i)
                owners_with[g].add(owner)
        n_owners = len(set(owners)) or 1
        self.idf = {g: math.log(1 + n_owners / len(o)) for g, o in owners_with.items()}
        self.unknown_idf = math.log(1 + n_owners)
        self._postings = postings  # bigram → rows; arrays made on first use (start-up stays short)
        self._offset = offset  # added to the rows of the arrays: where they stand in a count shared with another index
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._forms = forms
        self._singles: dict[str, np.ndarray] | None = None
        self.totals = np.array([sum(self.idf[g] for g in gs) or 1.0 for gs in grams])

    def containing(self, char: str) -> np.ndarray:
        """Rows whose form contains this character (or sound symbol); indexed on first use."""
        if self._singles is None:
            singles: dict[str, set[int]] = defaultdict(set)
            for i, form in enumerate(self._forms):
                for c in form:
                    singles[c].add(i)
            self._singles = {c: np.array(sorted(ix), dtype=np.int64) for c, ix in singles.items()}
        return self._singles.get(char, np.zeros(0, dtype=np.int64))

    def _posting(self, gram: str) -> tuple[np.ndarray, np.ndarray]:
        """The rows holding a bigram of the rows and, for each, the bigram's weight (made on first use)."""
        posting = self._arrays.get(gram)
        if posting is None:
            rows = np.array(self._postings[gram], dtype=np.int64) + self._offset
            posting = self._arrays[gram] = (rows, np.full(len(rows), self.idf[gram]))
        return posting

    def gather(self, text: str, rows: list[np.ndarray], weights: list[np.ndarray]) -> float:
        """Add the postings of the text's bigrams to `rows` and `weights`; the text's total weight."""
        total = 0.0
        idf, arrays = self.idf, self._arrays
        for g in bigrams(text):
            weight = idf.get(g)
            if weight is None:  # a bigram no row has
                total += self.unknown_idf
                continue
            total += weight
            posting = arrays.get(g) or self._posting(g)
            rows.append(posting[0])
            weights.append(posting[1])
        return total

    def weight(self, gram: str) -> float:
        return self.idf.get(gram, self.unknown_idf)


class TextIndex:
    """Rows (normalised texts) with their owners and weights, and their pinyin forms."""

    def __init__(self, norms: list[str], owners: list[str], weights: list[float]):
        self.norms = norms
        self.owners = owners
        self.keys = [pinyin_key(n) for n in norms]
        self._norm_array = np.array(norms, dtype=object)
        self._key_array = np.array(self.keys, dtype=object)
        self.lengths = np.array([max(len(n), 1) for n in norms], dtype=np.float64)
        self.weights = np.array(weights, dtype=np.float64)
        self.chars = _TermIndex(norms, owners)
        self.sounds = _TermIndex(self.keys, owners, offset=len(norms))  # counted after the characters
        self.vocabulary = frozenset("".join(norms))
        rows_of: dict[str, list[int]] = defaultdict(list)
        for i, owner in enumerate(owners):
            rows_of[owner].append(i)
        self.rows_of = {owner: np.array(rows, dtype=np.int64) for owner, rows in rows_of.items()}

    def __len__(self) -> int:
        return len(self.norms)

    def _matched(self, q: str, key: str) -> tuple[np.ndarray, float, np.ndarray, float]:
        """Weight of the query's bigrams found in each row and the query's total weight, on
        characters, then on sounds (one count for both)."""
        rows: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        char_total = self.chars.gather(q, rows, weights)
        sound_total = self.sounds.gather(key, rows, weights)
        n = len(self)
        found = np.bincount(np.concatenate(rows), np.concatenate(weights), minlength=2 * n) if rows else np.zeros(2 * n)
        return found[:n], char_total, found[n:], sound_total

    def _lcs(self, q: str, key: str, rows: np.ndarray, params: Params) -> np.ndarray:
        """Characters of the query in order in each row, topped up by those matched only by sound."""
        if not len(rows):
            return np.zeros(0)
        chars = process.cdist([q], self._norm_array[rows].tolist(), scorer=LCSseq.similarity, dtype=np.int32)[0]
        sounds = process.cdist([key], self._key_array[rows].tolist(), scorer=LCSseq.similarity, dtype=np.int32)[0]
        return chars + params.pinyin_credit * np.maximum(sounds - chars, 0)

    def similarity(self, q: str, params: Params, extra: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(row numbers, similarity × row weight) of the rows that can match `q` (sorted rows).
        `extra` rows are scored even when they share nothing with the query."""
        if not q or not self.norms:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        key = pinyin_key(q)
        qw = params.query_weight
        if len(q) >= 2:
            char_found, char_total, sound_found, sound_total = self._matched(q, key)
            if extra is not None and len(extra):
                shortlisted = (char_found > 0) | (sound_found > 0)
                shortlisted[extra] = True
                rows = shortlisted.nonzero()[0]
            else:  # bigram weights are positive: a row with either found has a positive sum
                rows = (char_found + sound_found).nonzero()[0]
            chars_in, sounds_in = char_found[rows], sound_found[rows]
            terms = np.maximum(
                qw * chars_in / char_total + (1 - qw) * chars_in / self.chars.totals[rows],
                params.pinyin_credit * (qw * sounds_in / sound_total + (1 - qw) * sounds_in / self.sounds.totals[rows]),
            )
            pool = (-terms).argpartition(params.lcs_pool)[: params.lcs_pool] if len(rows) > params.lcs_pool else None
        else:  # one character: the rows that contain it, or its sound
            rows = np.union1d(self.chars.containing(q), self.sounds.containing(key))
            if extra is not None and len(extra):
                rows = np.union1d(rows, extra)
            terms, pool = None, None
        if pool is None:  # every row is in the LCS pool
            matched = self._lcs(q, key, rows, params)
        else:
            matched = np.zeros(len(rows))
            matched[pool] = self._lcs(q, key, rows[pool], params)
        unknown = len(q) - sum(map(self.vocabulary.__contains__, q))
        query_len = len(q) + params.unknown_char_weight * unknown
        sequence = qw * matched / query_len + (1 - qw) * matched / self.lengths[rows]
        if terms is None:
            terms = sequence
        sw = params.sequence_weight
        return rows, (sw * sequence + (1 - sw) * terms) * self.weights[rows]
