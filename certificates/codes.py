"""Certificate codes: random, unambiguous, printed under the QR code and typed in to verify."""

import re
import secrets

# No 0/O, 1/I/L: a code read aloud or typed from paper is not mistaken. 31 symbols, 20 of them
# → 99 random bits: not guessable, not enumerable.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 20
CODE_GROUP = 4


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(text: str) -> str | None:
    """What someone typed → the stored form ("abcd efgh…" → "ABCD-EFGH-…"); None if it cannot
    be a code."""
    raw = re.sub(r"[\s\-]", "", text or "").upper()
    if len(raw) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in raw):
        return None
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def verify_page_key(code: str) -> str:
    """The cache key of the public verification page of the certificate with `code`
    (core.page_cache.object_page); its services forget it when the certificate changes."""
    return f"certificate-verify:{code}"
