"""The one message authentication code for what iopguide keeps in its cache.

Keyed BLAKE2b (RFC 7693), a MAC by design, with this user's 32-byte key
(:func:`iopguide.paths.cache_secret`). It replaces HMAC-SHA256 because
``hmac`` and ``hashlib`` load OpenSSL, about 2.5 ms of every search for one
digest (measured, see docs/performance.md); ``_blake2`` is the module that
``hashlib.blake2b`` itself comes from.
"""

from __future__ import annotations

try:  # hashlib's own blake2b, without loading OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the built-in module
    from hashlib import blake2b
try:  # what hmac.compare_digest is without OpenSSL
    from _operator import _compare_digest as same
except ImportError:  # pragma: no cover - not CPython
    from hmac import compare_digest as same

SIZE = 32


def sign(key: bytes, *parts: bytes) -> bytes:
    """The MAC of *parts* (joined) under *key*."""
    digest = blake2b(key=key, digest_size=SIZE)
    for part in parts:
        digest.update(part)
    return digest.digest()


def verify(key: bytes, mac: bytes, *parts: bytes) -> bool:
    """Whether *mac* is the MAC of *parts* under *key* (compared in constant time)."""
    return same(sign(key, *parts), mac)
