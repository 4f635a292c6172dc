"""The key for user pseudonyms, and the files only the bot's user may read.

Citizens are pseudonymous: a user id is stored only as HMAC-SHA256 under a key kept
*outside* the database: `HASH_KEY` from the environment, or else the key file
`DATA_DIR/hash.key`, created once with mode 0600. Whoever has only the database file cannot
test candidate ids against the hashes. A database from before keyed hashes (the salt was in
its `meta` table) has its hashes re-keyed and the salt erased on open (`retire_salt`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
from pathlib import Path

from bot.storage.health import StorageError

KEY_FILE = "hash.key"
MIN_KEY_CHARS = 32
FILE_MODE = 0o600


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it is missing; tighten it to 0600 if it exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    else:
        os.close(fd)


def write_key_file(path: Path, key: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def load_hash_key(data_dir: Path | str, hash_key: str = "") -> bytes:
    """The key for user hashes: `hash_key` (HASH_KEY) if given, else the key file in
    `data_dir`, created with a random key and mode 0600 on first use."""
    if hash_key:
        return hash_key.encode("utf-8")
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        key = secrets.token_hex(32)
        try:
            write_key_file(path, key)
            return key.encode("ascii")
        except FileExistsError:  # another process was quicker: use its key
            pass
    if path.stat().st_mode & 0o077:
        os.chmod(path, FILE_MODE)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < MIN_KEY_CHARS:
        raise StorageError(f"{path}: the key file for user hashes is damaged (too short)")
    return key.encode("ascii")


def user_hash(key: bytes, user_id: int | str | None) -> str:
    """Keyed pseudonym of a user id ('' when there is no user)."""
    if user_id is None or user_id == "":
        return ""
    return hmac.new(key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]


def retire_salt(conn: sqlite3.Connection, key: bytes) -> None:
    """A database with a salt in `meta` (written by migration 1, the pre-key scheme):
    re-key every stored hash with the key, then erase the salt for good."""
    if conn.execute("SELECT 1 FROM meta WHERE key = 'user_salt'").fetchone() is None:
        return
    conn.create_function(
        "rekey",
        1,
        lambda old: "" if not old else hmac.new(key, f"legacy:{old}".encode(), hashlib.sha256).hexdigest()[:32],
        deterministic=True,
    )
    conn.execute("PRAGMA secure_delete = ON")  # deleted bytes are overwritten, not left in free pages
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("queries", "feedback", "admin_actions"):
            conn.execute(f"UPDATE {table} SET user_hash = rekey(user_hash)")
        conn.execute("DELETE FROM meta WHERE key = 'user_salt'")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def keyed_hash(key: bytes, kind: str, value: str) -> bytes:
    """16 bytes of HMAC-SHA256: what the file stores instead of a session id or an address."""
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).digest()[:16]
