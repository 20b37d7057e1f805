"""Pairs of subtitle tracks timed as two real releases would be, with the pairs they should give.

A film is a run of lines of our own dialogue (Spanish and English) on a true clock; each
release puts them on its own clock (shifted, stretched by a frame-rate ratio, with a scene
more or less, a block moved), splits or joins lines its own way, may be gapless, and jitters
its timing. The expected rows pair the cues that hold the same lines.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from misma_luna.core.subtitles.tracks import Cue

DIALOGUE = (
    ("¿Ya son las diez, doña Chela?", "Is it ten already, Doña Chela?"),
    ("Faltan dos minutos. Siéntate, mijo.", "Two more minutes. Sit down, son."),
    ("Mamá siempre llama el domingo.", "Mom always calls on Sunday."),
    ("No te preocupes: la luna es la misma allá.", "Don't worry: it's the same moon over there."),
    ("¡Ándale, que se nos va el camión!", "Come on, the bus is leaving!"),
    ("Señor, ¿cuánto cuesta el pasaje a Tijuana?", "Sir, how much is the ticket to Tijuana?"),
    ("Son 350 pesos, y sale a las 8.", "It's 350 pesos, and it leaves at 8."),
    ("Carlitos, no te separes de mí.", "Carlitos, don't leave my side."),
    ("La frontera está cerrada hoy.", "The border is closed today."),
    ("¿Dónde está el restaurante de Reyna?", "Where is Reyna's restaurant?"),
    ("Está en la esquina, frente al hospital.", "It's on the corner, across from the hospital."),
    ("Necesito trabajo, lo que sea.", "I need work, anything at all."),
    ("Aquí nadie pregunta de dónde vienes.", "Nobody here asks where you come from."),
    ("Tengo 9 años y sé contar dinero.", "I'm 9 years old and I can count money."),
    ("¿Y la policía? ¿No vendrá la policía?", "And the police? Won't the police come?"),
    ("Llámame desde el teléfono público.", "Call me from the public phone."),
    ("El número es 555 0143.", "The number is 555 0143."),
    ("Cada domingo, a las diez en punto.", "Every Sunday, at ten o'clock sharp."),
    ("Describe lo que ves desde la ventana.", "Describe what you see from the window."),
    ("Hay una pizzería y una lavandería.", "There's a pizzeria and a laundromat."),
    ("Y un mural enorme con una luna.", "And a huge mural with a moon."),
    ("Enrique, este niño viene conmigo.", "Enrique, this boy is coming with me."),
    ("No es mi problema, señora Mendoza.", "That's not my problem, Mrs. Mendoza."),
    ("Entonces será mi problema.", "Then it'll be my problem."),
    ("El autobús de Los Ángeles llega tarde.", "The Los Angeles bus is running late."),
    ("Rosario trabaja limpiando casas.", "Rosario works cleaning houses."),
    ("Ella ahorra cada centavo para su hijo.", "She saves every cent for her son."),
    ("Cuatro años sin verlo. Cuatro.", "Four years without seeing him. Four."),
    ("¿Me prometes que vas a estar bien?", "Do you promise me you'll be all right?"),
    ("Te lo prometo, mamá.", "I promise, Mom."),
    ("Mira, es la misma luna.", "Look, it's the same moon."),
    ("¡Corre, Carlitos, corre!", "Run, Carlitos, run!"),
    ("La camioneta de la migra está afuera.", "The immigration van is outside."),
    ("Escóndete detrás de los tomates.", "Hide behind the tomatoes."),
    ("Ya se fueron. Puedes salir.", "They're gone. You can come out."),
    ("¿Conoces a un tal Óscar?", "Do you know a man called Óscar?"),
    ("Óscar es mi padre. Nunca lo conocí.", "Óscar is my father. I never met him."),
    ("Vive en la calle 14, número 27.", "He lives on 14th Street, number 27."),
    ("Gracias por todo, de verdad.", "Thanks for everything, really."),
    ("Cuídate mucho, chamaco.", "Take good care of yourself, kid."),
    ("El próximo domingo voy a estar ahí.", "Next Sunday I'll be there."),
    ("Junto al mural, a las diez.", "By the mural, at ten."),
)


@dataclass(frozen=True)
class Line:
    """One line of the film on the true clock, with its text in both languages."""

    ident: int
    start: int
    end: int
    es: str
    en: str


@dataclass
class Release:
    """How one release times and cuts the film's lines."""

    clock: Callable[[int], int] = lambda ms: ms  # true time -> this release's time
    language: str = "es"
    split: frozenset[int] = frozenset()  # lines shown as two or three cues
    join: frozenset[int] = frozenset()  # lines shown in one cue with the next line
    missing: frozenset[int] = frozenset()  # lines this release has not got
    gapless: bool = False
    jitter_ms: int = 60
    seed: int = 0
    zero_length: frozenset[int] = frozenset()  # lines timed with start == end


@dataclass
class Pair:
    """Two tracks and the rows they should give: (left cue indexes, right cue indexes)."""

    left: list[Cue]
    right: list[Cue]
    expected: set[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=set)


def film(count: int, seed: int = 0, start_ms: int = 40_000) -> list[Line]:
    """`count` lines of dialogue on the true clock: speech, pauses and scene breaks."""
    rng = random.Random(seed)
    lines, now = [], start_ms
    for ident in range(count):
        es, en = DIALOGUE[(ident * 11 + seed) % len(DIALOGUE)]
        length = 900 + 55 * max(len(es), len(en)) + rng.randint(-300, 300)
        lines.append(Line(ident, now, now + length, es, en))
        pause = rng.choice((120, 250, 400, 700, 1200, 2500)) if rng.random() > 0.06 else 9000
        now += length + pause + rng.randint(0, 200)
    return lines


def frame_rate(source: float, target: float, offset_ms: int = 0) -> Callable[[int], int]:
    """A clock for a release made at `source` fps of a film at `target` fps, moved by offset."""
    return lambda ms: round(ms * target / source) + offset_ms


def cut(
    lines: list[Line], scenes: list[tuple[int, int]], base: Callable[[int], int] = lambda ms: ms
) -> tuple[Callable[[int], int], frozenset[int]]:
    """A shorter cut: the (true start, length) scenes removed; its clock and the lines lost."""
    lost = frozenset(
        line.ident for line in lines for at, length in scenes if at <= line.start < at + length
    )

    def clock(ms: int) -> int:
        removed = sum(length for at, length in scenes if ms >= at + length)
        return base(ms - removed)

    return clock, lost


def track(lines: list[Line], release: Release) -> tuple[list[Cue], list[set[int]]]:
    """One release's cues (sorted) and, for each cue, the lines it holds."""
    rng = random.Random(release.seed)
    cues: list[tuple[int, int, str, set[int]]] = []
    shown = [line for line in lines if line.ident not in release.missing]
    index = 0
    while index < len(shown):
        line = shown[index]
        text = line.es if release.language == "es" else line.en
        idents, end = {line.ident}, line.end
        if line.ident in release.join and index + 1 < len(shown):
            following = shown[index + 1]
            text += "\n" + (following.es if release.language == "es" else following.en)
            idents.add(following.ident)
            end = following.end
            index += 1
        start = line.start + rng.randint(-release.jitter_ms, release.jitter_ms)
        end += rng.randint(-release.jitter_ms, release.jitter_ms)
        if line.ident in release.zero_length:
            end = start
        split = line.ident in release.split and len(idents) == 1
        parts = _split(text, 2 + line.ident % 2) if split else [text]
        step = (end - start) / len(parts)
        for number, part in enumerate(parts):
            cues.append(
                (round(start + number * step), round(start + (number + 1) * step), part, idents)
            )
        index += 1
    moved = [(release.clock(s), _moved_end(release.clock, s, e), t, i) for s, e, t, i in cues]
    moved.sort(key=lambda item: item[0])
    if release.gapless:
        moved = [
            (s, moved[k + 1][0] if k + 1 < len(moved) else e, t, i)
            for k, (s, e, t, i) in enumerate(moved)
        ]
    return [Cue(s, max(e, s), t, t) for s, e, t, _i in moved], [i for *_rest, i in moved]


def _moved_end(clock: Callable[[int], int], start: int, end: int) -> int:
    """Where a cue ends on `clock`: with its start, at the clock's speed (never cut apart)."""
    speed = (clock(start + 1000) - clock(start)) / 1000
    return clock(start) + round((end - start) * (speed if 0.5 < speed < 2 else 1.0))


def _split(text: str, parts: int) -> list[str]:
    """A line cut at word boundaries into `parts` pieces (fewer when it is too short)."""
    words = text.split()
    parts = max(1, min(parts, len(words)))
    size = -(-len(words) // parts)
    return [" ".join(words[k : k + size]) for k in range(0, len(words), size)]


def make_pair(lines: list[Line], left: Release, right: Release) -> Pair:
    """Both tracks and their expected rows: cues holding the same lines share a row."""
    left_cues, left_lines = track(lines, left)
    right_cues, right_lines = track(lines, right)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for side, held in (("l", left_lines), ("r", right_lines)):
        for index, idents in enumerate(held):
            for ident in idents:
                parent[find((side, index))] = find(("line", ident))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for side, held in (("l", left_lines), ("r", right_lines)):
        for index in range(len(held)):
            group = groups.setdefault(find((side, index)), ([], []))
            group[0 if side == "l" else 1].append(index)
    expected = {(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups.values()}
    return Pair(left_cues, right_cues, expected)


def accuracy(pair: Pair, rows: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> float:
    """Share of the expected rows found exactly."""
    return len(pair.expected & set(rows)) / max(len(pair.expected), 1)
