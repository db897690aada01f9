"""The matcher's table of close given-name groups is current with given_names.GROUPS."""

from provenance.names import matcher
from provenance.names.given_names import GROUPS
from provenance.names.given_neighbours import NEIGHBOURS


def test_table_covers_every_group_and_matches_the_computation():
    stale = [g for g in GROUPS if NEIGHBOURS.get(g) != matcher.neighbours_of(g)]
    assert set(NEIGHBOURS) == set(GROUPS) and not stale, (
        f"given_neighbours.py is stale for {stale[:5]}: run python tools/build_given_neighbours.py"
    )


def test_close_spellings_are_neighbours_and_distant_ones_are_not():
    assert "mahmud" in matcher._neighbours("muhammad")  # Mahmoud / Mohammed: close spellings, two names
    assert "khalid" not in matcher._neighbours("muhammad")


def test_a_group_missing_from_the_table_is_computed(monkeypatch):
    monkeypatch.delitem(NEIGHBOURS, "muhammad")
    assert matcher._neighbours("muhammad") == matcher.neighbours_of("muhammad")
