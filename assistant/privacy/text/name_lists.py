"""PERSON in lists of names: the items the recognizers left out.

Minutes and notes list persons under or after a label ("Anwesend: Bauer, Koch, Stein",
"Aufsicht:" then "- Koch (Hof)" on the next lines). A surname that is also a word ("Koch",
"Stein") is missed there for the same reason as in a table column: nothing in the item says
"person". The list says it, as a column does (:mod:`assistant.privacy.text.name_columns`): a list
is a name list when its label names persons, or when at least two of its items and half of them
were found. Every other item of that list whose first words have a name's shape is a person
(:func:`~assistant.privacy.text.recognizers.name_shape.looks_like_name`: no ordinary noun, place or
institution), and a single word is not only a plain noun ("Mensa", "Hausmeister" are no names). The words after the name ("(Hof)", ", 7b", "– Sport") are not part of the span.
"""

from __future__ import annotations

import re

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.recognizers.name_shape import looks_like_name
from assistant.privacy.text.spans import DisjointSpans
from assistant.privacy.text.words import load_nouns, noun_compound, ordinary_noun

Span = tuple[str, int, int, float]
LIST_SCORE = 0.7
_MIN_FOUND = 2
#: Labels of lists of persons in minutes and notes (lower case, without the colon).
LIST_LABELS = {"anwesend", "abwesend", "entschuldigt", "unentschuldigt", "es fehlten", "fehlend",
               "fehlt", "fehlen", "krank", "teilnehmende", "teilnehmer", "teilnehmerinnen",
               "teilnehmer*innen", "teilnehmer:innen", "aufsicht", "aufsichten", "pausenaufsicht",
               "lehrkräfte", "kollegium", "verteiler", "cc", "vorsitz", "moderation", "gäste",
               "protokoll", "team", "leitung", "begleitung", "begleitpersonen", "betreuung",
               "ansprechpartner", "ansprechpartnerinnen", "kontakte", "eltern", "elternvertretung",
               "klassenpflegschaft", "schülervertretung", "sprecher", "sprecherin", "vertretung",
               "zuständig", "vertreten durch", "kinder", "schüler", "schülerinnen", "gruppe", "tn"}
#: A title before a name ("Fr. Koch", "Herr Dr. Stein"): not part of the span.
_TITLES = r"(?:(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.|Prof\.)[ ]+)*"
_WORD = r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?"
#: The name opening an item, up to the item's end or the words after it.
_ITEM_NAME = re.compile(rf"[ \t]*{_TITLES}(?P<name>{_WORD}(?:[ ]{_WORD}){{0,2}})"
                        r"(?=[ ]*(?:$|[(,:;&]|[ ][–-][ ]|[ ]?/|und[ ]))", re.MULTILINE)
_BULLET = re.compile(r"^[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+", re.MULTILINE)
_INLINE = re.compile(r"^[ \t]*(?P<label>[^\W\d_][\w*:/ -]{1,28}?)(?:[ ]?\([^()\n]{1,20}\))?:[ \t]+(?P<items>[^\n]+)$",
                     re.MULTILINE)
_SEPARATOR = re.compile(r"[ ]*(?:[,;]|[ ]und[ ]|[ ]&[ ])[ ]*")


def _items_of_blocks(text: str) -> list[tuple[str, list[int]]]:
    """(label, item starts) of each block of bullet lines; the label is the line before the block
    when it ends with a colon."""
    blocks: list[tuple[str, list[int]]] = []
    last_line_end = -2
    for m in _BULLET.finditer(text):
        line_start = m.start()
        if blocks and text.rfind("\n", 0, line_start) == last_line_end:
            blocks[-1][1].append(m.end())
        else:
            prev_end = text.rfind("\n", 0, line_start)
            prev = text[text.rfind("\n", 0, max(prev_end, 0)) + 1:max(prev_end, 0)].strip()
            label = prev[:-1].strip().lower() if prev.endswith(":") else ""
            blocks.append((label, [m.end()]))
        line_end = text.find("\n", m.end())
        last_line_end = len(text) if line_end < 0 else line_end
    return blocks


def _items_inline(text: str) -> list[tuple[str, list[int]]]:
    """(label, item starts) of "Label: item, item und item" lines."""
    out = []
    for m in _INLINE.finditer(text):
        label = m.group("label").strip().lower()
        if label not in LIST_LABELS:
            label = ""  # a name list only when enough of its items were found ("Frühdienst: …")
        starts, pos = [m.start("items")], m.start("items")
        for sep in _SEPARATOR.finditer(text, pos, m.end("items")):
            inside = text[pos:sep.start()]
            if inside.count("(") <= inside.count(")"):  # not "Weber (Leitung, Mi Bürotag)"
                starts.append(sep.end())
        out.append((label, starts))
    return out


def _with_inline_items(text: str, starts: list[int]) -> list[int]:
    """The item starts of bullet lines and of the items joined on one line ("- Bauer, Fischer
    (Elternvertretung)"), up to a bracket or a colon."""
    out = []
    for start in starts:
        out.append(start)
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        stop = min((i for i in (text.find("(", start, line_end), text.find(":", start, line_end)) if i >= 0),
                   default=line_end)
        out += [sep.end() for sep in _SEPARATOR.finditer(text, start, stop)]
    return out


def list_names(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    """PERSON spans for the items of name lists that no finding covers yet."""
    if ":" not in text and _BULLET.search(text) is None:
        return []
    persons = DisjointSpans((s, e) for kind, s, e, _ in found if kind == "PERSON")
    taken = DisjointSpans((s, e) for _, s, e, _ in found)
    out: list[Span] = []
    blocks = [(label, _with_inline_items(text, starts)) for label, starts in _items_of_blocks(text)]
    for label, starts in blocks + _items_inline(text):
        labelled = label in LIST_LABELS
        if len(starts) < 2 and not labelled:
            continue
        items = [(m.start("name"), m.end("name")) for m in (_ITEM_NAME.match(text, s) for s in starts) if m]
        hits = sum(1 for s, e in items if not persons.free(s, e))
        if not labelled and not (hits >= _MIN_FOUND and hits * 2 >= len(starts)):
            continue
        for s, e in items:
            name = text[s:e].rstrip(".")
            first, _, rest = name.partition(" ")
            if rest and " " not in rest and ordinary_noun(first) and not lexicon.is_first_name(first):
                s, name = s + len(first) + 1, rest  # "Kita-Leitung Weber": a role before the surname
            e = s + len(name)
            if not taken.free(s, e) or not looks_like_name(name, lexicon, single_needs_list=False):
                continue
            if " " not in name and (plain_noun(name, lexicon) or noun_compound(name)):
                continue  # "Mensa"; "Kindesmutter" among the participants of a meeting
            out.append(("PERSON", s, e, LIST_SCORE))
            taken.add(s, e)
    return out


def plain_noun(word: str, lexicon: NameLexicon) -> bool:
    """A noun Wiktionary knows only as a noun and no list knows as a given name ("Mensa")."""
    tags = load_nouns().get(word[:1].upper() + word[1:], "")
    return "N" in tags and "P" not in tags and fold(word) not in lexicon.first_names
