from __future__ import annotations

from facilitation import codes


def test_code_uses_no_look_alikes() -> None:
    for letter in "01IOLZ2S5B8UV":
        assert letter not in codes.ALPHABET
    code = codes.new_code(lambda _: False)
    assert len(code) == 6 and set(code) <= set(codes.ALPHABET)


def test_code_is_unique_against_taken_codes() -> None:
    seen: set[str] = set()
    for _ in range(300):
        seen.add(codes.new_code(lambda c: c in seen))
    assert len(seen) == 300


def test_typed_code_is_normalised() -> None:
    assert codes.normalise_code(" dtf-q6a ") == "DTFQ6A"


def test_host_key_is_long_random_and_checked_against_its_hash() -> None:
    key = codes.new_host_key()
    assert len(key) >= 32  # 192 bits in URL-safe base64
    stored = codes.hash_key(key)
    assert key not in stored
    assert codes.key_matches(key, stored)
    assert not codes.key_matches(key + "x", stored)
    assert not codes.key_matches(None, stored)
    assert not codes.key_matches("", stored)


def test_full_width_codes_are_read_and_others_cannot_be_one() -> None:
    assert codes.normalise_code("ｄｔｆ－ｑ６ａ") == "DTFQ6A"  # a phone's full-width keyboard
    assert codes.readable_code(codes.normalise_code("dtfq6a"))
    for typed in ("ЖЖЖЖЖЖ", "日本語", "---", "DTFQ6É"):
        assert not codes.readable_code(codes.normalise_code(typed)), typed
