from __future__ import annotations

from pathlib import Path

import pytest

from iopguide.directory import geo


def test_known_zip_has_its_centre_and_state() -> None:
    centre = geo.zip_centre("40202")
    assert centre is not None
    assert centre.state == "KY"
    assert centre.lat == pytest.approx(38.25, abs=0.05)
    assert centre.lon == pytest.approx(-85.75, abs=0.05)


def test_unknown_zip_is_none() -> None:
    assert geo.zip_centre("00000") is None
    assert geo.zip_centre("99999") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40202", "40202"),
        (" 40202-1234 ", "40202"),
        ("4020", None),
        ("40202a", None),
        ("", None),
        ("\u0664\u0660\u0662\u0660\u0662", None),  # Arabic-Indic digits are not a ZIP
    ],
)
def test_normalise_zip(text: str, expected: str | None) -> None:
    assert geo.normalise_zip(text) == expected


def test_haversine_louisville_to_new_york() -> None:
    # About 650 straight-line miles between the two ZIP centres.
    a, b = geo.zip_centre("40202"), geo.zip_centre("10001")
    assert a and b
    assert geo.haversine_miles(a.lat, a.lon, b.lat, b.lon) == pytest.approx(649, abs=5)
    assert geo.haversine_miles(a.lat, a.lon, a.lat, a.lon) == 0


def test_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path))
    geo._table.cache_clear()
    try:
        cache = Path(geo._cache_file())
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(geo._MAGIC + b"not records")
        assert geo.zip_centre("10001").state == "NY"
        assert cache.read_bytes() != geo._MAGIC + b"not records"
    finally:
        geo._table.cache_clear()


def test_unwritable_cache_still_answers(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(blocker / "cache"))
    geo._table.cache_clear()
    try:
        assert geo.zip_centre("94103").state == "CA"
    finally:
        geo._table.cache_clear()


def test_a_planted_table_with_a_valid_shape_but_no_matching_checksum_is_rebuilt(
    tmp_path, monkeypatch
) -> None:
    """A cache entry placing 40202 at (0, 0) must not be believed."""
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path))
    geo._table.cache_clear()
    try:
        cache = Path(geo._cache_file())
        cache.parent.mkdir(parents=True, exist_ok=True)
        record = geo._RECORD.pack(b"40202", b"KY", 0.0, 0.0)
        cache.write_bytes(geo._MAGIC + b"\0" * geo._CHECKSUM_SIZE + record)
        centre = geo.zip_centre("40202")
        assert centre.lat == pytest.approx(38.25, abs=0.05)
        assert geo.zip_centre("10001") is not None  # the whole table is back
    finally:
        geo._table.cache_clear()


def test_the_table_is_made_from_every_entry_of_the_zipcodes_package() -> None:
    """The fresh list the table is read from is the package's own list, entry for entry."""
    import zipcodes

    assert geo._zip_entries() == zipcodes.list_all()
    assert geo._zip_entries() is not zipcodes.list_all()  # not kept alive for the process
    size = geo._RECORD.size
    records = geo._build_records()
    zips = [records[i : i + 5] for i in range(0, len(records), size)]
    placed = [e for e in zipcodes.list_all() if e.get("lat") and e.get("long")]
    assert zips == sorted(zips) and len(zips) == len(placed) > 40_000
