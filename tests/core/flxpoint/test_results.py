from flxdesk.flxpoint.results import excerpt_of_body


def test_json_message_is_extracted() -> None:
    assert excerpt_of_body('{"error": "bad status"}', "application/json") == "bad status"


def test_plain_text_is_folded_to_one_line() -> None:
    assert excerpt_of_body("line one\n\n  line two ") == "line one line two"


def test_html_without_title_loses_its_tags() -> None:
    assert excerpt_of_body("<p>Bad &amp; wrong</p>", "text/html") == "Bad & wrong"


def test_long_bodies_are_cut() -> None:
    excerpt = excerpt_of_body("y" * 1000)
    assert len(excerpt) == 200
    assert excerpt.endswith("…")


def test_empty_body() -> None:
    assert excerpt_of_body("   ") == ""
