"""Figures that leave an area count distinct people and hide small cells (DESIGN 3, rule 6)."""

SMALL = 5


def suppress(count: int) -> str:
    """1 to 4 are shown as "<5": a small count could point at a person."""
    return "<5" if 0 < count < SMALL else str(count)
