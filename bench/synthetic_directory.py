"""Write a synthetic directory of national size and shape (for benchmarks without the real data).

Usage: python bench/synthetic_directory.py OUT.json [COUNT]

Programs are fictional (ids ``synthetic-N``, 555-01xx phones, example.org), spread
over real ZIP centres so distance filtering does real work. The shape follows
what ``iopguide directory import samhsa`` writes.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from iopguide.vocabulary import (
    AGE_GROUPS,
    CONDITIONS,
    LANGUAGES,
    LEVELS,
    PAYMENT,
    SCHEDULE_TIMES,
    SERVICES,
    SPECIAL_GROUPS,
)


def _zip_centres(count: int, rng: random.Random) -> list[tuple[str, str, float, float]]:
    import zipcodes

    rows = [
        (z["zip_code"], z["state"], float(z["lat"]), float(z["long"]))
        for z in zipcodes.list_all()
        if z["zip_code_type"] == "STANDARD" and z["lat"]
    ]
    return [rng.choice(rows) for _ in range(count)]


def _some(rng: random.Random, ids: tuple[str, ...], low: int, high: int) -> list[str]:
    return sorted(rng.sample(ids, rng.randint(low, min(high, len(ids)))), key=ids.index)


def build(count: int, seed: int = 2022) -> dict:
    rng = random.Random(seed)
    programs = []
    for n, (zip5, state, lat, lon) in enumerate(_zip_centres(count, rng)):
        programs.append(
            {
                "id": f"synthetic-{n}",
                "name": f"Synthetic Facility {n} Behavioral Health",
                "organization": None,
                "levels": _some(rng, LEVELS.ids, 1, 3),
                "conditions": _some(rng, CONDITIONS.ids, 1, 3),
                "payment": _some(rng, PAYMENT.ids, 2, 7),
                "insurance_plans": [],
                "ages": _some(rng, AGE_GROUPS.ids, 1, 4),
                "languages": ["english", *_some(rng, LANGUAGES.ids[1:6], 0, 2)],
                "special_groups": _some(rng, SPECIAL_GROUPS.ids, 0, 4),
                "serves_only": [],
                "location": {
                    "street": f"{n} Sample Street",
                    "city": "Sampletown",
                    "state": state,
                    "zip": zip5,
                    "lat": lat,
                    "lon": lon,
                },
                "telehealth": rng.random() < 0.4,
                "telehealth_states": [],
                "schedule": {
                    "days_per_week": None,
                    "hours_per_day": None,
                    "times": _some(rng, SCHEDULE_TIMES.ids, 0, 2),
                },
                "services": _some(rng, SERVICES.ids, 3, 10),
                "approaches": [],
                "accreditation": [],
                "contact": {
                    "phone": f"555-555-01{n % 100:02d}",
                    "intake_phone": None,
                    "website": f"https://example.org/synthetic-{n}",
                },
                "notes": None,
                "last_verified": "2022-01-01",
                "source": "Synthetic benchmark data",
            }
        )
    return {
        "directory": {
            "name": "Synthetic national-size directory",
            "source": "bench/synthetic_directory.py",
            "sample": True,
            "updated": "2026-11-23",
        },
        "programs": programs,
    }


def main() -> None:
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 21_213
    out.write_text(json.dumps(build(count)), encoding="utf-8")
    print(f"wrote {count} programs to {out}")


if __name__ == "__main__":
    main()
