import pytest

from core.search import search_words


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("İzmir'deki kooperatifler", ["İzmir", "deki", "kooperatifler"]),
        ("  5393   m.14 ", ["5393", "m.14"]),
        ("26/A.", ["26/A"]),
        ("a&b|!c (d) :* <-> 'e'", ["a", "b", "c", "d", "e"]),
        ("kadın-kooperatifi_x", ["kadın", "kooperatifi", "x"]),
        ("&|!():*'\"", []),
        ("", []),
    ],
)
def test_words_are_letters_and_digits_never_search_syntax(query, words):
    assert search_words(query) == words


def test_at_most_ten_words_are_searched():
    assert search_words(" ".join(f"w{n}" for n in range(15))) == [f"w{n}" for n in range(10)]
