"""Checks on when requests started."""


def three_in_one_second(times: list[float]) -> list[tuple[float, float, float]]:
    """Every run of three request starts that fit inside one second."""
    ordered = sorted(times)
    return [
        (ordered[i], ordered[i + 1], ordered[i + 2])
        for i in range(len(ordered) - 2)
        if ordered[i + 2] - ordered[i] < 1.0
    ]
