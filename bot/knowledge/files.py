"""Writing files so that a crash or a full disk never leaves a part of one: atomic write
(temporary file, fsync, rename, fsync of the folder), and a folder's SHA-256 sums file."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

SUMS_FILE = "SHA256SUMS"  # `<sha256>  <file name>` per line


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. not permitted on this platform
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode_from: Path | None = None) -> None:
    """Temporary file in the same folder, fsync, `os.replace`, fsync the folder: after a
    crash or a full disk, `path` holds either the old or the new bytes, never a part."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode_source = mode_from if mode_from is not None else path
        if mode_source.exists():
            shutil.copymode(mode_source, tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_sums(folder: Path) -> dict[str, str]:
    try:
        text = (folder / SUMS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    sums = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if len(digest) == 64 and name:
            sums[name] = digest
    return sums


def write_sums(folder: Path, sums: dict[str, str]) -> None:
    text = "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items()))
    write_atomic(folder / SUMS_FILE, text.encode("utf-8"))
