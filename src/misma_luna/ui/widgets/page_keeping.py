"""Pages worth printing: a heading never left alone at a page's foot, no paragraph split
with a single line on either side of a break, small tables kept whole, and a short row of a
long table (a transcript's line, a glossary's word) never split across two pages. Qt's rich
text knows only "break before", so these rules are applied by moving blocks to the next page;
a row moves behind an empty row that fills the rest of the page (Qt repeats a table's heading
on the next page, above it). In a framed table that row keeps only the line above it, so the
table closes at the page's foot instead of showing an empty box.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextTable,
    QTextTableCellFormat,
)

MAX_MOVES = 200  # a bound on the passes; each move fixes one break
KEEP_LINES = 2  # lines a paragraph keeps together on each side of a break
SMALL_TABLE = 1 / 3  # a table (or a table's row) shorter than this share of a page is kept whole
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
PROBE_HEIGHT = 100.0  # the fixed line height that measures how Qt scales one
FIXED_HEIGHT = QTextBlockFormat.LineHeightTypes.FixedHeight.value


@dataclass
class _Item:
    """A block of the root frame, or a whole table."""

    block: QTextBlock
    table: QTextTable | None
    rect: QRectF


def keep_together(document: QTextDocument, page_height: float, line_height: float) -> None:
    """Move headings, short paragraphs' ends and small tables to the next page as needed."""
    for _move in range(MAX_MOVES):
        document.documentLayout().documentSize()  # finish the lazy layout
        if not _fix_first(document, page_height, line_height):
            return


def _items(document: QTextDocument) -> list[_Item]:
    layout = document.documentLayout()
    items: list[_Item] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is None:
            items.append(_Item(block, None, layout.blockBoundingRect(block)))
        elif not items or items[-1].table != table:
            items.append(_Item(block, table, layout.frameBoundingRect(table)))
        block = block.next()
    return items


def _page(y: float, page_height: float) -> int:
    return int((y + 1.0) // page_height)


def _fix_first(document: QTextDocument, page_height: float, line_height: float) -> bool:
    """Fix the first break that breaks a rule; whether there was one."""
    items = _items(document)
    for index, item in enumerate(items):
        top, bottom = item.rect.top(), item.rect.bottom() - 1.0
        if _page(top, page_height) * page_height >= top - 1.0:
            continue  # at a page's top already: moving it would not help
        if item.table is None and item.block.blockFormat().headingLevel() > 0:
            keep_to = _keep_zone(items[index + 1 :], bottom, line_height)
            if _page(keep_to, page_height) != _page(top, page_height):
                return _break_before(item)
        elif item.table is not None:
            small = item.rect.height() < page_height * SMALL_TABLE
            if small and _page(bottom, page_height) != _page(top, page_height):
                return _break_before(item)
            if not small and _push_split_row(item.table, page_height):
                return True
        elif _split_badly(item.block, page_height):
            return _break_before(item)
    return False


def _keep_zone(following: list[_Item], bottom: float, line_height: float) -> float:
    """How far a heading must stay with what follows it: the next two lines, past a
    one-line introduction."""
    if not following:
        return bottom
    first = following[0]
    one_line = first.table is None and first.block.layout().lineCount() <= 1
    if one_line and len(following) > 1:
        return following[1].rect.top() + KEEP_LINES * line_height
    return first.rect.top() + KEEP_LINES * line_height


def _split_badly(block: QTextBlock, page_height: float) -> bool:
    """Whether a paragraph crosses a break with fewer than two lines on one side."""
    layout = block.layout()
    count = layout.lineCount()
    top = block.document().documentLayout().blockBoundingRect(block).top()
    pages = [
        _page(top + layout.lineAt(i).y() + layout.lineAt(i).height() / 2, page_height)
        for i in range(count)
    ]
    if len(set(pages)) < 2:
        return False
    before = pages.count(pages[0])
    return min(before, count - before) < KEEP_LINES


def _break_before(item: _Item) -> bool:
    if item.table is not None:
        table_format = item.table.format()
        table_format.setPageBreakPolicy(BREAK_BEFORE)
        item.table.setFormat(table_format)
        return True
    cursor = QTextCursor(item.block)
    block_format = cursor.blockFormat()
    block_format.setPageBreakPolicy(BREAK_BEFORE)
    cursor.setBlockFormat(block_format)
    return True


def _push_split_row(table: QTextTable, page_height: float) -> bool:
    """Move the first row of `table` that runs over a page break to the next page, behind a
    spacer row; whether one moved. A row as tall as a small table may break, as a long
    paragraph does."""
    for row in range(max(table.format().headerRowCount(), 1), table.rows()):
        top, bottom = _row_span(table, row)
        if _page(top, page_height) == _page(bottom - 1.0, page_height):
            continue
        if bottom - top >= page_height * SMALL_TABLE:
            continue
        _insert_spacer(table, row, (_page(top, page_height) + 1) * page_height - top)
        return True
    return False


def _row_span(table: QTextTable, row: int) -> tuple[float, float]:
    """Where the text of a row's cells begins and ends."""
    layout = table.document().documentLayout()
    rects = [
        layout.blockBoundingRect(block)
        for column in range(table.columns())
        for block in _cell_blocks(table, row, column)
    ]
    return min(rect.top() for rect in rects), max(rect.bottom() for rect in rects)


def _cell_blocks(table: QTextTable, row: int, column: int) -> list[QTextBlock]:
    """The blocks of one cell, in order."""
    cell = table.cellAt(row, column)
    block, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
    blocks = [block]
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


def _insert_spacer(table: QTextTable, row: int, height: float) -> None:
    """An empty row before `row`, `height` tall: its line ends where the page's last line
    may end, so that the row starts on the next page. (Qt lays out no margin at either end
    of a cell, and lays the rest of a cell out on the next page past a padding, so a line
    of fixed height makes the room.)"""
    edit = QTextCursor(table.document())
    edit.beginEditBlock()  # one layout for all the changes, at the end
    framed = table.format().border() > 0
    if framed and not table.format().borderCollapse():
        table_format = table.format()
        table_format.setBorderCollapse(True)  # cells can then drop their own lines
        table.setFormat(table_format)
    around, scale = _empty_row(table)
    table.insertRows(row, 1)
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if framed:
            cell.setFormat(_open_below(cell.format().toTableCellFormat()))
        _fix_line_height(cell.firstCursorPosition(), max(0.0, height - around) / scale)
    edit.endEditBlock()


def _fix_line_height(cursor: QTextCursor, height: float) -> None:
    """Make the block at `cursor` one line `height` tall (in the document's units)."""
    block_format = cursor.blockFormat()
    block_format.setTopMargin(0.0)
    block_format.setBottomMargin(0.0)
    block_format.setLineHeight(height, FIXED_HEIGHT)
    cursor.setBlockFormat(block_format)


def _empty_row(table: QTextTable) -> tuple[float, float]:
    """What an empty row of `table` adds around its line (paddings, a border), and how far
    one unit of a fixed line height reaches (Qt scales it from the document's units to the
    device's), in the layout's units. Measured on a table of two rows of the same format,
    laid out for the same device."""
    document = table.document()
    probe = QTextDocument()
    probe.documentLayout().setPaintDevice(document.documentLayout().paintDevice())
    probe.setDefaultFont(document.defaultFont())
    probe.setDocumentMargin(0)
    table_format = table.format()
    table_format.setHeaderRowCount(0)
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    twin = QTextCursor(probe).insertTable(2, 1, table_format)
    first = twin.cellAt(0, 0).firstCursorPosition()
    second = twin.cellAt(1, 0).firstCursorPosition().block()
    layout = probe.documentLayout()

    def row_height() -> float:
        top = layout.blockBoundingRect(first.block()).top()
        return layout.blockBoundingRect(second).top() - top

    around = row_height() - layout.blockBoundingRect(first.block()).height()
    _fix_line_height(first, PROBE_HEIGHT)
    return around, (row_height() - around) / PROBE_HEIGHT


def _open_below(cell: QTextTableCellFormat) -> QTextTableCellFormat:
    """`cell` with no line at its sides or below: only the line above it closes the table."""
    none = QTextFrameFormat.BorderStyle.BorderStyle_None
    for width, style in (
        (cell.setLeftBorder, cell.setLeftBorderStyle),
        (cell.setRightBorder, cell.setRightBorderStyle),
        (cell.setBottomBorder, cell.setBottomBorderStyle),
    ):
        width(0.0)
        style(none)
    return cell
