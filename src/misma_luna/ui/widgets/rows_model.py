"""A read-only table of items, one per row, under headings in the active language: the shape
the library, its search results, the collected words and the translator's pieces share.

A subclass says its headings (`headings`) and what a cell shows (`data`); the items come
from its owner, which hands them over whole (`show_rows`) and reads back the item on a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowsModel(QAbstractTableModel, Generic[T]):
    """Items on rows, `columns` columns, headings from `headings()`."""

    columns = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def headings(self) -> tuple[str, ...]:
        """The column headings, in the active language (one per column)."""
        raise NotImplementedError

    def show_rows(self, items: Iterable[T]) -> None:
        """Show `items`, one per row (a copy of them is kept)."""
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def items(self) -> list[T]:
        """Every item on show, in row order."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else self.columns

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headings()[section]

    def retranslate(self) -> None:
        """Say the headings and every cell again, in the active language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columns - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columns - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def row_changed(self, row: int) -> None:
        """Say that the item on `row` changed."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columns - 1))
