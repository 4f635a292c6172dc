"""Atomic writes and the SHA-256 sums file of bot.knowledge.files."""

from __future__ import annotations

import os

import pytest

from bot.knowledge.files import SUMS_FILE, read_sums, sha256, write_atomic, write_sums


def test_write_atomic_replaces_the_file_and_keeps_its_mode(tmp_path):
    path = tmp_path / "faq.yaml"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faq.yaml"]  # no temporary file left


def test_a_failed_write_leaves_the_old_bytes_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "faq.yaml"
    path.write_bytes(b"old")

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faq.yaml"]


def test_sums_round_trip_and_ignore_malformed_lines(tmp_path):
    sums = {"faq.20240101-000000-000000.yaml": sha256(b"a"), "metrics.20240101-000000-000000.yaml": sha256(b"b")}
    write_sums(tmp_path, sums)
    assert read_sums(tmp_path) == sums
    with open(tmp_path / SUMS_FILE, "a", encoding="utf-8") as handle:
        handle.write("not a digest  x.yaml\n" + sha256(b"c") + "\n")
    assert read_sums(tmp_path) == sums
    assert read_sums(tmp_path / "missing") == {}
    assert sha256(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
