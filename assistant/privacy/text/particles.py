"""Name particles at the edges of a person finding that the recognizers left outside.

* A particle opening a surname at the start of a line, a cell or a field value, written
  capitalised or in capitals ("VON HARDENBERG, KARL", "Van der Berghe"), or in lower case in a
  table cell after its delimiter ("4;da Costa Moreira"; a fixed-width cell opens after two
  blanks, a CSV cell after a comma without a blank: '"7","van Loon"'; not "von hevin:" opening a chat line); a capitalised one
  when the finding opens with no given name ("Von Lena Hartmann
  kam keine Antwort": a preposition).
* A surname with a particle after a listed given name ("Dorothea von Bülow" where only
  "Dorothea" was found): the word after the particle is capitalised, no common noun and no title
  ("Lena zu Hause", "Timo vom Ferienteam" stay as they are).
* "Van der Berghe, Lotte": a surname opened by a particle, a comma and one listed given name
  ending the line or cell is one name.
"""

from __future__ import annotations

import regex

from assistant.privacy.names import NameLexicon
from assistant.privacy.text.recognizers.person_tokens import TITLES
from assistant.privacy.text.words import load_nouns, noun_compound, ordinary_noun

Span = tuple[str, int, int, float]

_PARTICLE = r"(?:von|van|vom|de|da|das|dos|del|della|di|du|ten|ter|zu|le|la)"
_ARTICLE = r"(?:der|den|dem|la|le|las|los|zu)"
#: A particle (and an article) right before a finding, opening a line, a cell or a field value.
_BEFORE = regex.compile(rf"(?:^|(?<=[;|\t\"„(,]|:[ ]|\n|[ ]{{2}}))[ \t]*(?P<p>{_PARTICLE}(?:[ ]{_ARTICLE})?)[ ]\Z",
                        regex.IGNORECASE)
#: A particle, maybe an article, then a capitalised surname after a finding.
_AFTER = regex.compile(r"[ ](?P<p>(?:von|van|de|da|dos|del|della|di|du|ten|ter|zur|zum|bin|binti|bint|ibn|ben|bat)"
                       r"(?:[ ](?:der|den|la|le))?)[ ](?P<w>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}]+)?)(?![\p{L}\d-])")
#: Particles of a patronym after one or more given names ("Siti Aminah binti Rahman", "Yosef ben
#: David"): the word after them is a given name of the father, often listed as a given name only.
_PATRONYMIC = {"bin", "binti", "bint", "ibn", "ben", "bat"}
#: ", Given" ending a line or a cell after a finding.
_GIVEN_AFTER = regex.compile(r",[ ](?P<w>\p{Lu}[\p{Ll}'’-]+)(?=[ \t]*(?:$|[;|\t\n]))", regex.MULTILINE)
_LOWER_PARTICLES = {"de", "da", "das", "dos", "del", "della", "di", "du", "van", "von", "ten", "ter"}
#: Capitalised particles that are no German words ("Da Amundsen …", "Von Lena …" open sentences);
#: in capitals any particle before a name in capitals ("VON HARDENBERG, KARL").
_CAPITAL_PARTICLES = {"Van", "De", "Di", "Del", "Della", "Dos", "Ten", "Ter"}
#: A cell opens after a delimiter, two blanks, or a comma without a blank (CSV: ',"von Arnim"').
#: After an item of a list of names: a comma, "und", a bracket or the line's end.
_LIST_GOES_ON = regex.compile(r"[ ]?(?:,|;|$|[ ]und[ ]|[ ]?\()", regex.MULTILINE)
_CELL_START = regex.compile(r"(?:(?<=[;|\t]|[ ]{2})[ \t\"]*|(?<=,)\"?)\Z")


def with_particles(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    """``found`` with person findings widened over the particles of their surname (non-overlapping
    findings stay non-overlapping: a widening into another finding is dropped)."""
    if not any(kind == "PERSON" for kind, *_ in found):
        return found
    ordered = _without_lone_particles(text, sorted(found, key=lambda f: f[1]))
    out: list[Span] = []
    for i, (kind, start, end, score) in enumerate(ordered):
        if kind != "PERSON":
            out.append((kind, start, end, score))
            continue
        prev_end = out[-1][2] if out else 0
        next_start = ordered[i + 1][1] if i + 1 < len(ordered) else len(text)
        first_word = text[start:end].split(" ", 1)[0].strip(",")
        b = _BEFORE.search(text, max(prev_end, start - 30), start)
        if b is not None:
            particle = b.group("p")
            lead = particle.split(" ", 1)[0]
            capital = lead[:1].isupper()
            in_cell = _CELL_START.search(text, max(0, b.start("p") - 10), b.start("p")) is not None
            # before the comma of an inverted name the word is the surname ("DE LUCA, MATTEO")
            surname = "," in text[start:end] or not lexicon.is_first_name(
                first_word.capitalize() if first_word.isupper() else first_word)
            capitals = particle.isupper() and text[start:end].split(",")[0].isupper()
            surname = surname or (capitals and lexicon.is_surname(first_word.capitalize()))  # "DA SILVA:"
            # an item of a comma list of names: "Yılmaz, da Silva, Nowak"
            in_list = (bool(out) and out[-1][0] == "PERSON" and text[prev_end:b.start("p")] == ", "
                       and _LIST_GOES_ON.match(text, end) is not None)
            if (surname and capital and (capitals or lead in _CAPITAL_PARTICLES)) or (
                    lead.lower() in _LOWER_PARTICLES and (in_cell or (in_list and not capital))):
                start = b.start("p")
        w = _WORD_AFTER_PARTICLE.match(text, end) if _ENDS_IN_PARTICLE.search(text, start, end) else None
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if w is not None and _surname_word(w.group("w"), lexicon) and (
                w.end() <= next_start or (following is not None and following[0] == "PERSON"
                                          and following[1:3] == (w.start("w"), w.end("w")))):
            end = w.end()  # "Frau von" + "Alvensleben", "H. v." + "Alvensleben", "P. Van" + "den Bossche"
            if w.end() > next_start:
                ordered[i + 1] = ("", 0, 0, 0.0)  # absorbed
                next_start = ordered[i + 2][1] if i + 2 < len(ordered) else len(text)
        p = _PATRONYM_BEFORE.search(text, max(prev_end, start - 25), start) \
            if regex.match(r"(?:bin|binti|bint|ibn|ben|bat)[ ]", text[start:end]) else None
        if p is not None and _surname_word(p.group("w"), lexicon):
            start = p.start("w")  # "Yosef" + "ben David"
        a = _AFTER.match(text, end)
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if following is not None and not following[0]:
            following = None
        absorbs = a is not None and following is not None and following[0] == "PERSON" and following[1] == a.start("w")
        if a is not None and (a.end() <= next_start or absorbs) and _particle_surname(text, start, end, a, lexicon):
            end = max(a.end(), ordered[i + 1][2] if absorbs else 0)
            if absorbs:
                ordered[i + 1] = ("", 0, 0, 0.0)  # "Siti Aminah" + "binti" + "Rahman": one name
        elif (g := _GIVEN_AFTER.match(text, end)) is not None and "," not in text[start:end]:
            particle_led = regex.match(rf"{_PARTICLE}[ ]", text[start:end], regex.IGNORECASE) is not None
            following = ordered[i + 1] if i + 1 < len(ordered) else None
            joins_next = following is not None and following[0] == "PERSON" and following[1:3] == (
                g.start("w"), g.end("w"))
            if particle_led and lexicon.is_first_name(g.group("w")) and (g.end() <= next_start or joins_next):
                end = g.end()
                if joins_next:
                    ordered[i + 1] = ("", 0, 0, 0.0)  # absorbed
        out.append((kind, start, end, score))
    out = [f for f in out if f[0]]
    return _surname_first_pairs(text, _joined(text, out, lexicon), lexicon)


#: A finding that ends in a particle: a title and a particle alone ("Frau von"), an initial and an
#: abbreviated particle ("H. v."), a capitalised particle after an initial ("P. Van").
_ENDS_IN_PARTICLE = regex.compile(r"(?<![\p{L}])(?:von|van|vom|zu|de|da|di|du|dos|del|v\.|vd\.|Van|De|Di|Da|Dos|Del|Von)\Z")
_WORD_AFTER_PARTICLE = regex.compile(r"(?:[ ](?:der|den|dem|la|le))?[ ](?P<w>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}]+)?)"
                                     r"(?![\p{L}\d-])")
#: A capitalised word right before a patronym finding ("Yosef ben David").
_PATRONYM_BEFORE = regex.compile(r"(?<![\p{L}\d-])(?P<w>\p{Lu}[\p{Ll}'’]+)[ ]\Z")


def _surname_word(word: str, lexicon: NameLexicon) -> bool:
    """A capitalised word that can be (a part of) a name: listed, or no common word, no title, no
    listed noun and no compound of nouns ("Alvensleben", "Wedel", "Bossche")."""
    if lexicon.is_first_name(word) or lexicon.is_surname(word):
        return not lexicon.is_common(word)
    return (not lexicon.is_common(word) and word.lower() not in TITLES and not noun_compound(word)
            and not (ordinary_noun(word) and (word in load_nouns() or len(word) < 6)))


def _particle_surname(text: str, start: int, end: int, a: regex.Match, lexicon: NameLexicon) -> bool:
    """Whether the particle and the word of ``a`` after the finding ``text[start:end]`` are its
    surname: after one listed given name ("Dorothea von Bülow"), after a title alone ("Frau von
    Wedel" found as "Frau von"), or a patronym after given names ("Siti Aminah binti Rahman"). The
    word is no title, no common word and no listed noun ("Lena zu Hause", "Lea von Gegenüber");
    a word that only looks like a compound is a surname ("Alvensleben")."""
    name, word, particle = text[start:end].strip(), a.group("w"), a.group("p")
    if not particle.islower() or lexicon.is_common(word) or word.lower() in TITLES or noun_compound(word):
        return False
    if particle.split(" ")[0] in _PATRONYMIC:
        return all(_given_name(w, lexicon) or not ordinary_noun(w) for w in name.split(" ")) and len(name.split(" ")) <= 3
    if " " in name:
        return False
    if ordinary_noun(word) and (word in load_nouns() or not (lexicon.is_surname(word) or particle == "von")):
        return False  # a listed noun, or a noun by its ending after a particle other than "von"
    return _given_name(name, lexicon)


def _given_name(name: str, lexicon: NameLexicon) -> bool:
    """A listed given name, or a hyphenated one of listed parts ("Heinz-Peter")."""
    return lexicon.is_first_name(name) or ("-" in name and all(
        part and lexicon.is_first_name(part) for part in name.split("-")))


def _without_lone_particles(text: str, ordered: list[Span]) -> list[Span]:
    """Without person findings that are only a particle right before another person finding
    ("VAN" of "VAN DER BERG, THIJS"): the particle is taken into that finding's span instead."""
    out = []
    for i, f in enumerate(ordered):
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if (f[0] == "PERSON" and following is not None and following[0] == "PERSON"
                and regex.fullmatch(_PARTICLE, text[f[1]:f[2]], regex.IGNORECASE)
                and regex.fullmatch(rf"[ ](?:{_ARTICLE}[ ])?", text[f[2]:following[1]], regex.IGNORECASE)):
            continue
        out.append(f)
    return out


#: Letters only Vietnamese writes (horn, hook, dot below; "ễ" of "Nguyễn"), not other Latin
#: languages: a capitalised word with one is a part of a Vietnamese name.
_VIETNAMESE = "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_VIETNAMESE_WORD = regex.compile(rf"\p{{Lu}}\p{{Ll}}*[{_VIETNAMESE}]\p{{Ll}}*|\p{{Lu}}[{_VIETNAMESE.upper()}]\p{{L}}*")


_VIETNAMESE_BEFORE = regex.compile(rf"(?:^|(?<=[^\p{{L}}]))({_VIETNAMESE_WORD.pattern})[ ]\Z")
_VIETNAMESE_AFTER = regex.compile(rf"[ ]({_VIETNAMESE_WORD.pattern})(?![\p{{L}}])")


def _joins(text: str, start: int, end: int, lexicon: NameLexicon) -> bool:
    """Whether the finding ``text[start:end]`` is the front of the name right after it: a listed
    given name, or a word without hyphen that opens no sentence ("Analog Heidi Klums …" and
    "Ferrari-Technikchef Ross Brawn" stay apart)."""
    left = text[start:end]
    if _given_name(left, lexicon) or " " in left:
        return True  # "Lior" + "Ben-David", "M. Gonçalves" + "Ferreira"
    before = text[max(0, start - 3):start].rstrip()
    return "-" not in left and bool(before) and before[-1] not in ".!?"


#: A finding that opens with an initial ("T. Krämer", "Th. Ott") and one that ends in a word.
_OPENS_WITH_INITIAL = regex.compile(r"\p{Lu}\p{Ll}{0,2}\.[ ]")
_ENDS_WITH_WORD = regex.compile(r"[ ]\p{Lu}[\p{L}'’-]+\Z")


def _next_name(text: str, left: Span, right: Span) -> bool:
    """Whether ``right`` is a name of its own after the whole name ``left``: two signers on one
    line ("A. Schulze B. Hoffmann", "Lea Ott Th. Brandt"), not the rest of one name."""
    return (_OPENS_WITH_INITIAL.match(text, right[1], right[2]) is not None
            and _ENDS_WITH_WORD.search(text, left[1], left[2]) is not None)


def _joined(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    """Two person findings one blank apart on a line are one name ("Lior" + "Ben-David"), and a
    person finding takes a Vietnamese name part one blank before or after it ("Lưu" + "Thị Hoa")."""
    out: list[Span] = []
    for i, (kind, start, end, score) in enumerate(found):
        last = out[-1] if out else None
        if (kind == "PERSON" and last is not None and last[0] == "PERSON" and last[2] + 1 == start
                and text[last[2]] == " " and _joins(text, last[1], last[2], lexicon)
                and not _next_name(text, last, (kind, start, end, score))):
            out[-1] = (kind, last[1], end, max(score, last[3]))
            continue
        if kind == "PERSON":
            free_from = last[2] if last is not None else 0
            while True:
                m = _VIETNAMESE_BEFORE.search(text[max(free_from, start - 20):start])
                if m is None:
                    break
                start -= len(m.group(1)) + 1
            m = _VIETNAMESE_AFTER.match(text, end)
            if m is not None and (i + 1 == len(found) or m.end() <= found[i + 1][1]):
                end = m.end()
        out.append((kind, start, end, score))
    return out


# -- "Surname, Given" entries found in two pieces --------------------------------------------------

#: Before an entry: the line's start (maybe a bullet, a number, a time, cells), a delimiter, a
#: label's colon or a key's "=", or a column gap.
_PAIR_OPENS = regex.compile(r"(?:^[\d\s.:)(/•*–-]*|[|;\t=:][ \t\"']*|[ ]{2}[ \t\"']*)\Z", regex.MULTILINE)
#: After an entry: the line's end, a delimiter, a column gap, a bracket, a birth mark or a date.
_PAIR_ENDS = regex.compile(r"[ \t\"']*(?:$|[|;\t]|[ ]{2}|[ ]?\(|,|[ ](?:geb\b|jun\b|sen\b|\*|\d))",
                           regex.MULTILINE)
_PAIR_GAP = regex.compile(r",[ ]{1,2}")
_LISTED_GIVEN_AFTER = regex.compile(r",[ ]{1,2}(?P<w>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}{2,})(?![\p{L}\d])")
_ALL_PARTICLES = _LOWER_PARTICLES | {"den", "der", "la", "le", "al", "el", "bin", "ben", "ibn", "abu", "zu"}
#: A surname opened by an Arabic or Hebrew particle and a hyphen.
_PREFIXED_SURNAME = regex.compile(r"(?:Al|El|Ben|Bin|Ibn|Abu|AL|EL|BEN|BIN|IBN|ABU)-\p{Lu}[\p{L}'’]+")
_PAIR_WORD = regex.compile(r"\p{Lu}[\p{L}'’-]*")


def _surname_like(name: str, lexicon: NameLexicon, given: str) -> bool:
    """The words before the comma of an entry are a surname: one of them is a surname in no list
    of given names ("Kamau", "Moreno García"), or the surname is in capitals before a given name
    that is not ("MUSTAFA, Zain"); "Mateo, Amira" and "Hamid, Julia" are two given names."""
    if _PREFIXED_SURNAME.fullmatch(name):
        return True  # "Ben-David", "Al-Amin", "El-Sayed"
    words = [w for w in regex.split(r"[ -]", name) if w and w.lower() not in _ALL_PARTICLES]
    if not words or len(words) > 4 or not all(_PAIR_WORD.fullmatch(w) for w in words):
        return False
    if any(lexicon.is_first_name(w) and not lexicon.is_surname(w) for w in words):
        return False  # "Katharina Hartmann, Li Wei": a whole name, then the next one
    if name.isupper() and not given.isupper():
        return True
    return any(lexicon.is_surname(w) and not lexicon.is_first_name(w) for w in words if w[:1].isupper())


def _given_like(name: str, lexicon: NameLexicon) -> bool:
    """One or two capitalised words after the comma of an entry, no common word or noun."""
    words = name.split(" ")
    if len(words) == 2 and lexicon.is_surname(words[1]) and not lexicon.is_first_name(words[1]):
        return False  # "Duc Nguyen": a given name and a surname, a whole name
    return 1 <= len(words) <= 2 and all(
        _PAIR_WORD.fullmatch(w) and not lexicon.is_common(w)
        and (lexicon.is_first_name(w) or not ordinary_noun(w.capitalize()))
        for w in words)


def _surname_first_pairs(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    """Two person findings "Surname" and "Given" parted by a comma that fill an entry of a list,
    a cell or a field value are one name ("Kind: Kamau, Njeri  geb. …", "|Moreno García, Pablo|",
    "09:00 MUSTAFA, Zain   04.07.2019"); not a pair inside an enumeration of names ("Lange, Pohl,
    Özdemir")."""
    out: list[Span] = []
    i = 0
    while i < len(found):
        f = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (f[0] == "PERSON" and nxt is not None and nxt[0] == "PERSON"
                and _PAIR_GAP.fullmatch(text, f[2], nxt[1])
                and _PAIR_OPENS.search(text, text.rfind("\n", 0, f[1]) + 1, f[1])
                and _PAIR_ENDS.match(text, nxt[2])
                and not (out and out[-1][0] == "PERSON" and regex.fullmatch(r",[ ]{1,2}|[ ]und[ ]", text[out[-1][2]:f[1]]))
                and not _enumeration_after(text, found, i + 2)
                and _given_like(text[nxt[1]:nxt[2]], lexicon)
                and _surname_like(text[f[1]:f[2]], lexicon, text[nxt[1]:nxt[2]])):
            out.append(("PERSON", f[1], nxt[2], max(f[3], nxt[3])))
            i += 2
            continue
        g = _LISTED_GIVEN_AFTER.match(text, f[2]) if f[0] == "PERSON" else None
        if (g is not None and (nxt is None or nxt[1] >= g.end()) and _PAIR_ENDS.match(text, g.end())
                and lexicon.is_first_name(g.group("w"))
                and _PAIR_OPENS.search(text, text.rfind("\n", 0, f[1]) + 1, f[1])
                and not (out and out[-1][0] == "PERSON" and regex.fullmatch(r",[ ]{1,2}|[ ]und[ ]", text[out[-1][2]:f[1]]))
                and _surname_like(text[f[1]:f[2]], lexicon, g.group("w"))):
            f = ("PERSON", f[1], g.end(), f[3])  # "| Peeters, Lander |": a listed given name the recognizers left
        out.append(f)
        i += 1
    return out


def _enumeration_after(text: str, found: list[Span], k: int) -> bool:
    """A person finding follows at ``found[k]`` after a comma or "und": the pair is part of a list."""
    return (k < len(found) and found[k][0] == "PERSON"
            and regex.fullmatch(r",[ ]{1,2}|[ ](?:und|&)[ ]", text[found[k - 1][2]:found[k][1]]) is not None)
