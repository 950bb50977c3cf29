"""The programmes of a directory's index as a sequence, read only as far as a command needs.

See :mod:`.index_read` for the file and its checks, and :mod:`.index_build` for the
layout. ``search.py`` uses an :class:`IndexedPrograms` exactly as it uses a tuple of
programmes in memory; ``tests/test_index.py`` checks that both give the same answers.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence

from iopguide.directory import rows
from iopguide.directory.index_read import BROKEN, Damaged, Index
from iopguide.directory.model import Program, Region, offering

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import overload

Blocks = Iterable[tuple[int, int]]  # (block number, key set number)


class IndexedPrograms(Sequence[Program]):
    """The programmes of an index, built only when looked at.

    A search near a ZIP reads the tiles its box touches, the unplaced blocks
    and the state's telehealth blocks (:meth:`offering`); ``show ID`` reads one
    id block and one tile (:meth:`find`); anything that needs every programme
    reads every tile once. *fallback* gives the programmes from the directory
    file itself, for when a block turns out damaged.
    """

    def __init__(self, index: Index, fallback: Callable[[], Sequence[Program]]) -> None:
        self._index = index
        self._fallback = fallback
        self._built: dict[int, Program] = {}
        self._every: Sequence[Program] | None = None
        self.recorded = index.recorded

    def _program(self, position: int, row: rows.Row) -> Program:
        program = self._built.get(position)
        if program is None:
            program = self._built[position] = rows.build(row)
        return program

    def _all(self) -> Sequence[Program]:
        if self._every is None:
            try:
                self._every = self._read_all()
            except (Damaged, *BROKEN):
                self._every = self._fallback()
        return self._every

    def _read_all(self) -> list[Program]:
        index = self._index
        found: dict[int, rows.Row] = {}
        for number in [*index.tile_block, *(u[0] for u in index.unplaced)]:
            positions, _keys, block = index.rows(number)
            found.update(zip(positions, block, strict=True))
        if len(found) != index.count:
            raise Damaged("the tiles do not hold every programme")
        return [self._program(p, found[p]) for p in range(index.count)]

    def __len__(self) -> int:
        return self._index.count if self._every is None else len(self._every)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Program: ...
        @overload
        def __getitem__(self, index: slice) -> Sequence[Program]: ...

    def __getitem__(self, index: int | slice) -> Program | Sequence[Program]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Program]:
        return iter(self._all())

    def ids(self) -> list[str]:
        if self._every is None:
            try:
                index = self._index
                return [pid for n in index.id_blocks for pid in index.id_rows(n)[0]]
            except (Damaged, *BROKEN):
                pass
        return [p.id for p in self._all()]

    def find(self, program_id: str) -> Program | None:
        """The first programme with this id, reading one id block and one tile."""
        if self._every is None:
            try:
                return self._find(program_id)
            except (Damaged, *BROKEN):
                pass
        return next((p for p in self._all() if p.id == program_id), None)

    def _find(self, program_id: str) -> Program | None:
        index = self._index
        # The block before the first one that starts with the id may end with it: a repeated
        # id's first copy (ids are sorted, copies by position) can lie across a boundary.
        at = max(0, bisect.bisect_left(index.id_first, program_id) - 1)
        for number in index.id_blocks[at : at + 2]:
            ids, blocks, places = index.id_rows(number)
            here = bisect.bisect_left(ids, program_id)
            if here < len(ids) and ids[here] == program_id:
                break
        else:
            return None
        positions, _keys, block = index.rows(blocks[here])
        row = block[places[here]]
        if row[0] != program_id:
            raise Damaged("an id points to another programme")
        return self._program(positions[places[here]], row)

    def offering(self, wanted: frozenset[str] | None, region: Region | None) -> list[Program]:
        """The programmes at *wanted* levels (None: any) that may reach *region*, in file order.

        Only the blocks that can hold them are read (by place, and by level), and
        only the programmes that pass are built.
        """
        if self._every is None and (wanted is not None or region is not None):
            try:
                return self._select(wanted, region)
            except (Damaged, *BROKEN):
                pass
        return offering(self._all(), wanted, region)

    def _select(self, wanted: frozenset[str] | None, region: Region | None) -> list[Program]:
        index = self._index
        keysets = index.keysets
        ok = [wanted is None or not wanted.isdisjoint(keys) for keys in keysets]
        found: dict[int, rows.Row] = {}
        if region is None:
            placed: Blocks = zip(index.tile_block, index.tile_keys, strict=True)
            others: Blocks = index.unplaced
        else:
            placed = _tiles_in(index, region)
            others = (*index.unplaced, *index.telehealth.get(region.state, ()))
        for blocks, near in ((placed, region), (others, None)):
            for number, keyset in blocks:
                if not ok[keyset]:
                    continue
                positions, keys, block = index.rows(number)
                for position, key, row in zip(positions, keys, block, strict=True):
                    if ok[key] and position not in found and (near is None or _reaches(near, row)):
                        found[position] = row
        return [self._program(p, found[p]) for p in sorted(found)]


def _reaches(region: Region, row: rows.Row) -> bool:
    location = row[rows.LOCATION]
    return region.may_reach(
        location[rows.LAT],
        location[rows.LON],
        location[rows.STATE],
        row[rows.TELEHEALTH],
        row[rows.TELE_STATES],
    )


def _tiles_in(index: Index, region: Region) -> Iterator[tuple[int, int]]:
    """The tiles whose latitude slice and longitude range meet the region's box (bisected)."""
    slices, lo, hi = index.slices, index.tile_lo, index.tile_hi
    at = bisect.bisect_left(slices, region.lat_lo, key=lambda s: s[1])
    for lat_lo, _lat_hi, first, end in slices[at:]:
        if lat_lo > region.lat_hi:
            break
        if end > len(lo):
            raise Damaged("a slice points past the tiles")
        for tile in range(bisect.bisect_left(hi, region.lon_lo, first, end), end):
            if lo[tile] > region.lon_hi:
                break
            yield index.tile_block[tile], index.tile_keys[tile]
