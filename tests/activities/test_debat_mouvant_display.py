def test_the_projector_keeps_the_latest_arguments_that_fit() -> None:
    from activities.debat_mouvant.display import latest_that_fit

    short, long_ = "x" * 30, "y" * 90  # one line, three lines of 32 characters
    assert latest_that_fit([short] * 5, most=3, lines=6, line_chars=32) == [short] * 3
    assert latest_that_fit([long_, long_, short], most=3, lines=6, line_chars=32) == [long_, short]
    assert latest_that_fit(["z" * 400], most=3, lines=6, line_chars=32) == ["z" * 400]  # the latest, always
    assert latest_that_fit([], most=3, lines=6, line_chars=32) == []
