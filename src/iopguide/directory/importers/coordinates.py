"""Where a listing may be placed: real numbers inside the United States and its territories.

Every coordinate an importer writes passes through here - published by the listing or
a ZIP-code centre from :func:`iopguide.directory.geo.zip_centre` - so a forged ZIP table
or a swapped, zero, boolean or 401-digit coordinate never moves a programme abroad.
"""

from __future__ import annotations

#: (south, north, west, east) boxes, generous by a fraction of a degree, around every
#: place a US programme can be: the 48 states and DC, Alaska (both sides of 180°),
#: Hawaii, Puerto Rico and the Virgin Islands, Guam and the Northern Marianas, American
#: Samoa, and the freely associated states SAMHSA lists (Palau, Micronesia, Marshall Is.).
US_BOXES: tuple[tuple[float, float, float, float], ...] = (
    (24.0, 49.6, -125.0, -66.5),  # contiguous states and DC
    (51.0, 71.7, -180.0, -129.5),  # Alaska
    (51.0, 53.5, 172.0, 180.0),  # Alaska: the western Aleutians
    (18.5, 22.5, -160.5, -154.5),  # Hawaii
    (17.5, 18.7, -68.0, -64.5),  # Puerto Rico, US Virgin Islands
    (13.0, 20.7, 144.5, 146.2),  # Guam, Northern Mariana Islands
    (-14.8, -11.0, -171.2, -168.0),  # American Samoa
    (2.5, 8.5, 131.0, 135.0),  # Palau
    (0.5, 10.5, 137.0, 163.5),  # Federated States of Micronesia
    (4.0, 15.0, 160.5, 172.5),  # Marshall Islands
)


def in_us(lat: float, lon: float) -> bool:
    """Whether (lat, lon) lies in one of :data:`US_BOXES` (NaN and infinities never do)."""
    return any(s <= lat <= n and w <= lon <= e for s, n, w, e in US_BOXES)


def coordinates(lat: object, lon: object) -> tuple[float, float] | None:
    """Latitude and longitude as numbers, or None unless both are real numbers (not
    true/false, not 401-digit integers, not NaN) that place the programme in the US."""
    values: list[float] = []
    for value in (lat, lon):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return None
        if isinstance(value, str) and len(value.strip()) > 40:
            return None
        try:
            number = float(value)
        except (ValueError, OverflowError):
            return None
        values.append(number)
    if not in_us(*values):
        return None
    return round(values[0], 6), round(values[1], 6)
