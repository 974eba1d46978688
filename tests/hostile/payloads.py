"""What a hostile client sends: values, keys and the encodings of the request body.

A value is a `str` (encoded as UTF-8; a lone surrogate becomes invalid UTF-8 in the body), raw
`bytes` (invalid UTF-8 as it is), or a list of them (a list where a scalar is expected).
"""

import operator
import uuid
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

# Literals worth trying in any field: NUL, invalid UTF-8, numbers a form cannot hold, dates
# no calendar has, markup and template syntax, Turkish letters, bidi and zero-width marks.
NASTY_TEXT = (
    "\x00",
    "Ankara\x00Çankaya",
    "\ud800",
    "Ş\udfffş",
    "",
    " ",
    "\t\r\n",
    "-1",
    "0",
    "-99999999999999999999",
    "9" * 400,
    "1e309",
    "NaN",
    "-inf",
    "0x1F",
    "1,5",
    "١٢٣",
    "²",
    "１２",
    "2026-02-30",
    "0000-01-01",
    "0001-01-01",
    "99999-12-31",
    "2026-13-45",
    "2026-02-30T25:61",
    "24:00",
    "99:99",
    "İıŞşĞğÜüÖöÇç",
    "\u202eİZMİR\u200b",
    "🙂",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7|add:7 }}",
    "%(name)s %s",
    "../../etc/passwd",
    "javascript:alert(1)",
    "https://",
    "@",
    "on",
    "True",
    "[]",
    "null",
)
# Sent into every field at once before the random examples: one request per kind of trouble.
SWEEP = ("\x00", "²", "9" * 400, "-1", "Ş\udfffş", "2026-02-30", "ş" * 100_000)
NASTY_BYTES = (b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"Izmir \xfd\xfe", b"\xe2\x82")

long_text = st.builds(
    operator.mul,
    st.sampled_from(["a", "ş", "\x00", "🙂", "<b>", "İ "]),
    st.integers(min_value=10_000, max_value=100_000),
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
).map(str)
dates = st.from_regex(r"\A-?\d{1,6}-\d{1,2}-\d{1,2}(T\d{1,2}:\d{1,2})?\Z")
any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)

scalars = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.sampled_from(NASTY_BYTES),
    long_text,
    numbers,
    dates,
    any_text,
)
values = st.one_of(scalars, st.lists(scalars, min_size=2, max_size=3))
keys = st.one_of(st.sampled_from(["x\x00y", "\ud800", "a" * 2000, "q[]", "form-0-x"]), any_text)

# How the body is sent: as a browser does; declaring a charset it is not in (UTF-16) or one
# that does not exist; as multipart.
ENCODINGS = ("form", "form-utf16", "form-bogus-charset", "multipart")


def _raw(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")


def body(items: list[tuple[str | bytes, str | bytes]], encoding: str) -> tuple[bytes, str]:
    """(bytes, content type) of a request body that carries `items` in order."""
    if encoding == "multipart":
        boundary = uuid.uuid4().hex
        parts = [
            b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
            % (boundary.encode(), _raw(key).replace(b'"', b"%22"), _raw(value))
            for key, value in items
        ]
        return b"".join([*parts, b"--%s--\r\n" % boundary.encode()]), (
            f"multipart/form-data; boundary={boundary}"
        )
    content_type = {
        "form": "application/x-www-form-urlencoded",
        "form-utf16": "application/x-www-form-urlencoded; charset=utf-16",
        "form-bogus-charset": "application/x-www-form-urlencoded; charset=no-such-charset",
    }[encoding]
    return query(items).encode("ascii"), content_type


def query(items: list[tuple[str | bytes, str | bytes]]) -> str:
    """`items` URL-encoded byte by byte (so invalid UTF-8 stays invalid)."""
    return "&".join(
        f"{quote_from_bytes(_raw(key))}={quote_from_bytes(_raw(value))}" for key, value in items
    )


def flatten(fields: dict) -> list[tuple[str | bytes, str | bytes]]:
    """{"a": ["1", "2"], "b": "3"} → [("a", "1"), ("a", "2"), ("b", "3")]."""
    return [
        (name, item)
        for name, value in fields.items()
        for item in (value if isinstance(value, list) else [value])
    ]
