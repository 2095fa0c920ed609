"""The verdict of a yes/no answer: "Ja", "Nein" or "Nur unter Bedingungen", read off the
sentence that decides the question.

A "may I / must I / is it allowed …?" answer starts with its deciding sentence (a quoted rule
such as "Personenbezogene Daten gehören nicht in externe KI-Dienste."). Readers skim: the verdict
word in front says at once how the rule answers the question. It is derived from that one
sentence only, never invented: a negation (``nicht``, ``kein``, ``untersagt``) gives "Nein", a
restriction (``nur``, ``nur wenn``, ``sofern``) "Nur unter Bedingungen", a permission or duty
(``darf``, ``zulässig``, ``Pflicht``) "Ja". A question that itself asks about a prohibition ("Ist
es verboten, …?") turns "Ja" and "Nein" round. A sentence that fits none of these, or one that
already starts with "Ja"/"Nein", gets no verdict word.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
#: "nicht nur", "nicht mehr nur": a widening, not a negation.
_NOT_ONLY = re.compile(r"\bnicht (?:mehr )?nur\b|\bnicht zuletzt\b|\bnicht immer\b", _F)
_NEGATION = re.compile(r"\b(nicht|nie|niemals|kein\w*|untersagt|verboten|unzulässig|weder)\b", _F)
_CONDITION = re.compile(r"\b(nur|ausschließlich (?:dann|wenn)|sofern|soweit|vorausgesetzt|"
                        r"unter (?:der|den) (?:bedingung|voraussetzung)\w*)\b", _F)
#: "Ja" to "may I …?" needs a permission, "Ja" to "must I …?" a duty ("muss eigens geprüft
#: werden" does not allow anything).
_ALLOWS = re.compile(r"\b(darf|dürfen|zulässig|erlaubt|gestattet|kann|können|spricht nichts "
                     r"dagegen)\b", _F)
_OBLIGES = re.compile(r"\b(pflicht\w*|verpflicht\w*|muss|müssen|erforderlich|vorgeschrieben|"
                      r"nötig|notwendig|braucht|brauchen)\b", _F)
#: A question after a prohibition or an exception: the answer's polarity turns round.
_ASKS_PROHIBITION = re.compile(r"\b(verboten|untersagt|unzulässig|strafbar|nicht erlaubt|"
                               r"nicht zulässig)\b", _F)
#: A question asked in the negative ("gilt sie dann nicht mehr?", "braucht es keine …?"): the
#: answer is a sentence without a verdict word, whose reading is not in doubt.
_NEGATIVE_QUESTION = re.compile(r"\b(nicht|nie|kein\w*)\b", _F)
#: A sentence saying a rule still holds.
_STILL = re.compile(r"\b(weiter|weiterhin|bleib\w*|trotzdem|dennoch|nach wie vor)\b", _F)
_ALREADY = re.compile(r"^\s*(ja|nein|nur)\b", _F)

YES, NO, CONDITIONAL = "Ja", "Nein", "Nur unter Bedingungen"


def verdict(question: str, sentence: str, duty: bool = False) -> str | None:
    """The verdict word for ``sentence`` as the answer to ``question`` (``duty``: a "must I
    …?" question), or None."""
    from assistant.answers.question import main_clause

    if _ALREADY.search(sentence):
        return None
    if _NEGATIVE_QUESTION.search(main_clause(question)) and not _ASKS_PROHIBITION.search(question):
        # "gilt die DSGVO dann nicht mehr?": "Nein" to a sentence saying it still holds
        # ("die DSGVO gilt weiter"); otherwise "Ja"/"Nein" would be ambiguous.
        still = _STILL.search(sentence) and not _NEGATION.search(_NOT_ONLY.sub(" ", sentence))
        return NO if still else None
    text = _NOT_ONLY.sub(" ", sentence)
    if _NEGATION.search(text):
        found = NO
    elif _CONDITION.search(text):
        return CONDITIONAL
    elif (_OBLIGES if duty else _ALLOWS).search(text):
        found = YES
    else:
        return None
    if _ASKS_PROHIBITION.search(question):
        return YES if found == NO else NO
    return found


def with_verdict(question: str, sentence: str, duty: bool = False) -> str:
    """``sentence`` with its verdict in front ("Nein: Personenbezogene Daten …")."""
    found = verdict(question, sentence, duty)
    return f"{found}: {sentence}" if found else sentence
