"""The per-install secret key behind a forgotten fact's tombstone.

A tombstone keeps a forgotten fact from being learned again from the same
turn, so it must recognise the fact without keeping its words: it holds an
HMAC of them under this key, never the text. Without the key (a private
file in the data folder) nobody can test guesses against the hashes.
Migration 0005 reads the same file by name (migrations never import the app).

A restore can bring tombstones hashed under another data folder's key. The
hashes cannot be made again under this folder's key, so that key is kept
too, in ``forget.keys/`` (the key ring), and every check tests a fact under
each key: a fact forgotten in either folder stays forgotten.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from app.store.private import FILE_MODE

KEY_NAME = "forget.key"
RING_NAME = "forget.keys"  # keys of restored backups' tombstones
KEY_BYTES = 32


def read_key(home: Path) -> bytes | None:
    """The data folder's key, or None when it has none (or a file that is not one)."""
    try:
        key = (home / KEY_NAME).read_bytes()
    except FileNotFoundError:
        return None
    return key if len(key) == KEY_BYTES else None


def write_key(home: Path, key: bytes) -> bytes:
    """Keep ``key`` as the data folder's key unless it has one; returns the one kept."""
    path = home / KEY_NAME
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     FILE_MODE)
    except FileExistsError:
        return read_key(home) or key
    with open(fd, "wb") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    return key


def ring(home: Path) -> list[bytes]:
    """The keys restored backups brought (not the folder's own), in a fixed order."""
    folder = home / RING_NAME
    if not folder.is_dir():
        return []
    keys = []
    for path in sorted(folder.glob("*.key")):
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            keys.append(key)
    return keys


def all_keys(home: Path) -> list[bytes]:
    """Every key a tombstone here may be hashed under: the folder's own first."""
    own = read_key(home)
    return ([own] if own is not None else []) + [k for k in ring(home) if k != own]


def keep_in_ring(home: Path, key: bytes) -> bool:
    """Keep a restored backup's ``key`` beside the folder's own; False when known."""
    if len(key) != KEY_BYTES or key in all_keys(home):
        return False
    folder = home / RING_NAME
    folder.mkdir(mode=0o700, exist_ok=True)
    # Named by a hash of the key, never by the key.
    path = folder / f"{hashlib.sha256(key).hexdigest()[:16]}.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    with open(fd, "wb") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def forget_key(home: Path) -> bytes:
    """The data folder's key, made on first use."""
    return read_key(home) or write_key(home, secrets.token_bytes(KEY_BYTES))


def fingerprint(key: bytes, *parts: str) -> str:
    """The keyed hash of ``parts`` (hex); the same parts always give the same one."""
    return hmac.new(key, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()


def fact_hash(key: bytes, kind: str, subject: str, slot: str) -> str:
    return fingerprint(key, "fact", kind, subject, slot)


def words_hash(key: bytes, words: str) -> str:
    return fingerprint(key, "words", words) if words else ""
