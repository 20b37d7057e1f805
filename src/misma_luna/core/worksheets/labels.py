"""The words a worksheet is labelled with, in its own language, shared by the HTML and the
.docx renderings so both read the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import Translator
from misma_luna.core.worksheets.compose import Worksheet


@dataclass(frozen=True)
class Labels:
    """Every fixed text of a worksheet, translated."""

    scene: str
    fill_in: tuple[str, str, str]
    glossary: str
    glossary_intro: str
    glossary_columns: tuple[str, str, str]
    gapfill: str
    gapfill_intro: str
    bank: str
    questions: str
    script: str
    time: str
    languages: tuple[str, str]
    key: str


def worksheet_labels_for(worksheet: Worksheet, labels: Translator) -> Labels:
    """The labels of `worksheet` in the language of `labels`."""
    scene = worksheet.scene
    # TRANSLATORS: under a worksheet's title: "Scene 0:10:00–0:14:00 · Version A".
    scene_line = labels.gettext("Scene {times} · Version {version}").format(
        times=worksheet.scene_times, version=worksheet.options.version
    )
    return Labels(
        scene=scene_line,
        # TRANSLATORS: lines a student fills in by hand at the top of a worksheet.
        fill_in=(labels.gettext("Class:"), labels.gettext("Name:"), labels.gettext("Date:")),
        glossary=labels.gettext("Glossary"),
        glossary_intro=labels.gettext("Write the meaning of each word as it is used in the scene."),
        # TRANSLATORS: glossary columns: the word's base form, the line it is said in, a space
        # to write what it means.
        glossary_columns=(
            labels.gettext("Word"),
            labels.gettext("In the scene"),
            labels.gettext("Meaning"),
        ),
        gapfill=labels.gettext("Fill in the gaps"),
        gapfill_intro=labels.gettext(
            "Complete the lines of the scene with the words from the word bank."
        ),
        bank=labels.gettext("Word bank"),
        questions=labels.gettext("Questions"),
        script=labels.gettext("The scene, line by line"),
        # TRANSLATORS: a column heading: the time a subtitle line is shown in the film.
        time=labels.gettext("Time"),
        languages=(
            fmt.language_name(scene.language, labels.language).capitalize(),
            fmt.language_name(scene.other_language, labels.language).capitalize(),
        ),
        key=labels.gettext("Answer key"),
    )
