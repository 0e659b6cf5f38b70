"""Join codes and host keys."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Callable

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V: what can be misread on a projector or mistyped on a phone.
ALPHABET = "34679ACDEFGHJKMNPQRTWXY"
CODE_LENGTH = 6


def normalise_code(text: str) -> str:
    """What a person typed, as a code: upper case, no spaces or dashes, full-width letters and
    digits (a phone's Asian keyboard) as their ASCII ones."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).upper() if ch.isalnum())


def readable_code(code: str) -> bool:
    """Whether a normalised code can be one at all: ASCII letters and digits only, at least one (a
    code with other letters names no session, and must not reach a header or a log)."""
    return bool(code) and code.isascii()


def new_code(taken: Callable[[str], bool]) -> str:
    """A fresh join code that `taken` does not know."""
    for _ in range(1000):
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if not taken(code):
            return code
    raise RuntimeError("no free join code")


def new_host_key() -> str:
    """A random host key of 192 bits."""
    return secrets.token_urlsafe(24)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_matches(key: str | None, stored_hash: str) -> bool:
    """Constant-time check of a host key against its stored hash."""
    if not key:
        return False
    return hmac.compare_digest(hash_key(key), stored_hash)


def new_token() -> str:
    """A participant's random token (the only participant identifier Cercle keeps)."""
    return secrets.token_urlsafe(16)
