import random
import string

import pytest
import segno

from documents import qr

CODE_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def segnos(payload: str) -> list[bytes]:
    return [bytes(row) for row in segno.make_qr(payload, error="m", mask=0).matrix]


@pytest.fixture(autouse=True)
def no_lengths_kept(monkeypatch):
    """Each test starts without the matrices and effects of earlier payloads."""
    monkeypatch.setattr(qr, "_lengths", {})


def verify_address(rng: random.Random, site: str = "https://egitim.example.org") -> str:
    code = "-".join("".join(rng.choice(CODE_CHARACTERS) for _ in range(4)) for _ in range(5))
    return f"{site}/sertifika/dogrula/{code}/"


def test_certificate_addresses_get_segnos_modules():
    rng = random.Random(15)
    for _ in range(120):
        payload = verify_address(rng)
        assert qr.qr_matrix(payload) == segnos(payload)


def test_any_payload_gets_segnos_modules_whatever_its_mode_and_length():
    rng = random.Random(2026)
    payloads = ["https://a.example/", "0123456789", "HTTPS://EXAMPLE.ORG/ABC", "İnci Işık", "x"]
    payloads += [
        "".join(rng.choice(string.printable[:95]) for _ in range(rng.randint(1, 120)))
        for _ in range(150)
    ]
    for payload in payloads:
        assert qr.qr_matrix(payload) == segnos(payload), payload


def test_a_payload_of_a_known_length_costs_no_segno_call_once_its_bits_are_prepared(monkeypatch):
    rng = random.Random(7)
    first = verify_address(rng)
    start = first.index("sertifika/dogrula/") + len("sertifika/dogrula/")
    qr.qr_prepare(first, positions=range(start, start + 24))
    expected = {payload: segnos(payload) for payload in (verify_address(rng) for _ in range(20))}
    calls = []
    real = qr.segno.make_qr
    monkeypatch.setattr(qr.segno, "make_qr", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert {payload: qr.qr_matrix(payload) for payload in expected} == expected
    assert calls == []
    assert len(qr._lengths[len(first)].effects) == 24 * 7
