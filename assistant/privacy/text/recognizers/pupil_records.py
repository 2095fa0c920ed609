"""Pupil numbers under a generic key ("id", "nr", "ID:") inside a record that is about a pupil or a
child: a JSON object or list under a pupil key, an XML pupil element, an indented YAML block, an
INI section ("[schueler]"), or a form whose lines name the pupil ("Schüler: …\\nID: 2019-4471").

A generic key alone says nothing (a school, a room and a case file have IDs too); the record it
stands in says whose number it is. Only keys on the record's own level count: a school object
nested inside a pupil object keeps its "id".
"""

from __future__ import annotations

import regex

#: A pupil or child as the subject of a record (JSON/YAML key, XML element, form label).
_SUBJECT = (r"(?:sch[üu]e?ler(?:in(?:nen)?)?|kind(?:er)?|pupils?|students?|lernende[rn]?|"
            r"teilnehmende[rn]?)")
_GENERIC = r"(?:id|nr|nummer|no|kennung)"
#: A value: letters, digits, '.', '/', '-' with a digit, three characters at least.
_VALUE = r"(?P<value>(?=[\w./-]*\d)[A-Za-z0-9][A-Za-z0-9./-]{1,22}[A-Za-z0-9])(?![\w./-])"
_HINT = regex.compile(rf"{_SUBJECT}", regex.IGNORECASE)

_JSON_OPEN = regex.compile(rf"[\"']{_SUBJECT}[\"'][ \t]*:[ \t]*([\[{{])", regex.IGNORECASE)
_JSON_TOKEN = regex.compile(rf"(?P<open>[\[{{])|(?P<close>[\]}}])|[\"']{_GENERIC}[\"'][ \t]*:[ \t]*[\"']?{_VALUE}[\"']?"
                            r"|\"(?:[^\"\\\n]|\\.)*\"", regex.IGNORECASE)
_XML_OPEN = regex.compile(rf"<(?P<tag>{_SUBJECT})\b[^<>]*(?<!/)>", regex.IGNORECASE)
_XML_CHILD = regex.compile(rf"<(?P<child>{_GENERIC})(?:[ ][^<>]*)?>[ \t]*{_VALUE}[ \t]*</(?P=child)>|"
                           rf"<(?P<open>[\w:-]+)\b[^<>]*(?<!/)>|</(?P<close>[\w:-]+)>", regex.IGNORECASE)
_YAML_OPEN = regex.compile(rf"^(?P<indent>[ \t]*)(?:-[ \t]+)?{_SUBJECT}[ \t]*:[ \t]*$",
                           regex.IGNORECASE | regex.MULTILINE)
_YAML_LINE = regex.compile(rf"(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?:(?P<generic>{_GENERIC})|[\w.-]+)[ \t]*:"
                           rf"[ \t]*[\"']?(?:{_VALUE})?", regex.IGNORECASE)
#: A form: a line labelled with the pupil and naming one ("Schüler: Tom Berg", "Name des Kindes:
#: Ida"; not "Schüler: 812"), and in the same block a line or a comma-separated part "ID:", "Nr.:"
#: with a number.
_FORM_SUBJECT = regex.compile(
    rf"^[ \t]*(?:{_SUBJECT}|name[ ](?:des|der)[ ](?:sch[üu]e?ler(?:s|in)|kindes|lernenden))[ \t]*:[ \t]*(?=\p{{L}})",
    regex.IGNORECASE | regex.MULTILINE)
_FORM_ID = regex.compile(rf"(?:^[ \t]*|[,;|][ \t]*)(?-i:ID|Id|Nr\.?|Nummer|Kennung)[ \t]*:[ \t]*{_VALUE}",
                         regex.MULTILINE)
_SCAN = 4000


def pupil_record_ids(text: str) -> list[tuple[int, int]]:
    """Spans of numbers under a generic key in a record about a pupil or a child."""
    if _HINT.search(text) is None:
        return []
    return _json(text) + _xml(text) + _yaml(text) + _ini(text) + _forms(text)


def _json(text: str) -> list[tuple[int, int]]:
    out = []
    for opener in _JSON_OPEN.finditer(text):
        own = 1 if opener.group(1) == "{" else 2  # the object's level, or its items' in a list
        depth = 0
        for token in _JSON_TOKEN.finditer(text, opener.start(1), min(len(text), opener.start(1) + _SCAN)):
            if token.group("open"):
                depth += 1
            elif token.group("close"):
                depth -= 1
                if depth == 0:
                    break
            elif token.group("value") and depth == own:
                out.append(token.span("value"))
    return out


def _xml(text: str) -> list[tuple[int, int]]:
    if "<" not in text:
        return []
    out = []
    for opener in _XML_OPEN.finditer(text):
        depth = 0  # elements opened inside the pupil element and not yet closed
        for token in _XML_CHILD.finditer(text, opener.end(), min(len(text), opener.end() + _SCAN)):
            if token.group("value"):
                if depth == 0:
                    out.append(token.span("value"))
            elif token.group("open"):
                depth += 1
            elif depth == 0:
                break  # the pupil element closes
            else:
                depth -= 1
    return out


def _yaml(text: str) -> list[tuple[int, int]]:
    out = []
    for opener in _YAML_OPEN.finditer(text):
        base = len(opener.group("indent").expandtabs())
        own: int | None = None  # the indentation of the block's keys
        pos = opener.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = _YAML_LINE.match(text, pos, end)
            if line is None:
                if text[pos:end].strip():
                    break
                pos = end + 1
                continue
            indent = len(line.group("indent").expandtabs()) + len(line.group("dash") or "")
            if indent <= base:
                break
            own = indent if own is None else own
            if indent == own and line.group("generic") and line.group("value"):
                out.append(line.span("value"))
            pos = end + 1
    return out


#: An INI section about a pupil ("[schueler]", "[Kind 2]"), and a generic key's line in it.
_INI_OPEN = regex.compile(rf"^[ \t]*\[[ \t]*{_SUBJECT}(?:[ _.-]?\d{{1,3}})?[ \t]*\][ \t]*$",
                          regex.IGNORECASE | regex.MULTILINE)
_INI_LINE = regex.compile(rf"[ \t]*{_GENERIC}[ \t]*[=:][ \t]*[\"']?{_VALUE}", regex.IGNORECASE)


def _ini(text: str) -> list[tuple[int, int]]:
    """Generic keys ("nr = 4471-2025") in an INI section about a pupil, up to the next section."""
    if "[" not in text:
        return []
    out = []
    for opener in _INI_OPEN.finditer(text):
        pos = opener.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[pos:end].lstrip().startswith("["):
                break  # the next section
            line = _INI_LINE.match(text, pos, end)
            if line is not None:
                out.append(line.span("value"))
            pos = end + 1
    return out


def _forms(text: str) -> list[tuple[int, int]]:
    out = []
    for subject in _FORM_SUBJECT.finditer(text):
        gap = text.find("\n\n", subject.start())
        block_end = len(text) if gap < 0 else gap
        gap = text.rfind("\n\n", 0, subject.start())
        block_start = 0 if gap < 0 else gap + 2
        out += [m.span("value") for m in _FORM_ID.finditer(text, block_start, min(block_end, subject.end() + 400))]
    return out
