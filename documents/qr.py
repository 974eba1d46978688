"""QR code matrices, the same as segno's, at a fraction of its cost for payloads that differ in a
few characters (the certificates' verification addresses: the same address, another code).

segno encodes in pure Python: 2–3 ms a certificate, about 4 % of its whole render. But with
the mode (byte), error level and mask fixed, a QR code's modules are an affine function of its
data bits over GF(2): the version and error level follow from the data's length alone, the
Reed–Solomon error correction is linear, and the placement of the bits and the mask are fixed.
So for payloads of one length, the matrix is a reference payload's matrix XOR, for each bit in
which the payload differs from the reference, that bit's effect (the matrix of the reference
with the bit flipped, XOR the reference's). Each effect is computed with segno once, when a
payload first needs it (a certificate code's 20 characters: about 140 of them) or in advance
(`qr_prepare`, at worker start); then a matrix costs a few XORs of Python integers.
tests/documents/test_qr.py compares the result with segno's for every kind of payload.
"""

import threading
from collections.abc import Iterable

import segno

ERROR = "m"
MASK = 0  # a fixed mask: any is valid (readers try them all), and scoring all eight is slow
# The characters of segno's alphanumeric mode: a payload of only these (or of digits) is encoded
# in that mode, anything else in byte mode.
_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_FROM_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
_MAX_LENGTHS = 8  # payload lengths kept (a deployment has one or two)


def _segno_matrix(data: bytes) -> tuple[int, int]:
    """(width, the modules as one integer, row by row, the first module the highest bit)."""
    matrix = segno.make_qr(data, mode="byte", error=ERROR, mask=MASK).matrix
    modules = b"".join(bytes(row) for row in matrix).translate(_AS_DIGITS)
    return len(matrix), int(modules, 2)


class _SameLength:
    """The matrices of the byte-mode payloads of one length (see the module's docstring)."""

    def __init__(self, reference: bytes) -> None:
        self.reference = reference
        self.width, self.modules = _segno_matrix(reference)
        self.effects: dict[int, int] = {}  # position * 8 + bit → what flipping it changes

    def effect(self, position: int, bit: int) -> int:
        key = position * 8 + bit
        effect = self.effects.get(key)
        if effect is None:
            flipped = bytearray(self.reference)
            flipped[position] ^= 1 << bit
            effect = self.effects[key] = _segno_matrix(bytes(flipped))[1] ^ self.modules
        return effect

    def matrix(self, data: bytes) -> int:
        modules = self.modules
        for position, (byte, reference) in enumerate(zip(data, self.reference, strict=True)):
            difference = byte ^ reference
            while difference:
                lowest = difference & -difference
                modules ^= self.effect(position, lowest.bit_length() - 1)
                difference ^= lowest
        return modules


_lengths: dict[int, _SameLength] = {}
_lock = threading.Lock()


def _same_length(data: bytes) -> _SameLength:
    family = _lengths.get(len(data))
    if family is None:
        with _lock:
            if len(_lengths) >= _MAX_LENGTHS:
                _lengths.clear()
            family = _lengths.setdefault(len(data), _SameLength(data))
    return family


def _byte_mode(payload: str) -> bool:
    """Whether segno encodes `payload` in byte mode as its ASCII bytes."""
    return payload.isascii() and not _ALPHANUMERIC.issuperset(payload)


def qr_matrix(payload: str) -> list[bytes]:
    """The rows of `payload`'s QR code (error level M, mask 0), one byte per module: 1 dark,
    0 light — what `segno.make_qr(payload, error="m", mask=0).matrix` holds."""
    if not _byte_mode(payload):
        return [bytes(row) for row in segno.make_qr(payload, error=ERROR, mask=MASK).matrix]
    data = payload.encode("ascii")
    family = _same_length(data)
    width = family.width
    modules = format(family.matrix(data), f"0{width * width}b").encode().translate(_FROM_DIGITS)
    return [modules[start : start + width] for start in range(0, width * width, width)]


def qr_prepare(payload: str, *, positions: Iterable[int] | None = None) -> None:
    """Compute now the effects of the 7 bits (ASCII's) of the characters at `positions` (by
    default all) of payloads as long as `payload`: a payload of that length that differs from
    it only there then costs no segno call."""
    if _byte_mode(payload):
        family = _same_length(payload.encode("ascii"))
        for position in range(len(payload)) if positions is None else positions:
            for bit in range(7):
                family.effect(position, bit)
