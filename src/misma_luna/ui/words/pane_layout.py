"""How the Words pane is laid out: the coverage line, the tools, the table beside the tabs.

Plain functions that build and place the pane's widgets; the pane owns them and their texts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def words_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """The table of words: whole rows, one at a time, read-only, kept low."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setMinimumHeight(60)  # the dock stays low: the reading panes come first
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def lay_out(
    pane: QWidget,
    *,
    header: QWidget,
    tools: Sequence[QWidget],
    table: QTableView,
    tabs: QTabWidget,
    pages: Sequence[QWidget],
) -> None:
    """`header` above a row of `tools` (the first one stretching), above `table` beside
    `tabs`, which gets one scrolling tab per page."""
    row = QHBoxLayout()
    for widget in tools:
        row.addWidget(widget, 1 if widget is tools[0] else 0)
    split = QSplitter(pane)
    split.addWidget(table)
    for page in pages:
        tabs.addTab(_scrolling(page, pane), "")
    split.addWidget(tabs)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(6, 4, 6, 4)
    layout.addWidget(header)
    layout.addLayout(row)
    layout.addWidget(split, 1)


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    """`widget` in a scroll area: a tab scrolls rather than make the dock tall or crush
    its texts, for the reading panes come first."""
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setMinimumHeight(60)
    return area
