"""The clauses of a question as asked: the sentence with the question mark, the part after a
dash or colon, the main clause of a yes/no question and the condition in front of it.

"Wenn ich die Namen durch Schüler A, B, C ersetze, gilt dann die DSGVO nicht mehr?" asks whether
the DSGVO still applies (the main clause, from its finite verb on), under a condition (the clause
in front). "Dürfen wir schreiben, dass an der Schule zwei Kinder …?" asks about what would be
written: the object clause belongs to the main clause. What a yes/no question asks about are the
main clause's words beyond its frame (modal verbs, "erlaubt", fillers).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE


def asked(text: str) -> str:
    """The question as asked: the first sentence that ends with "?" ("Ich bin neu im Amt.
    Womit fange ich an? Muss ich alles abdecken?" asks "Womit fange ich an?"), else the text;
    for a check that names nothing ("X meint, …. Stimmt das?") the claim it checks."""
    from assistant.answers.sentences import split_sentences

    # sentence ends as in answers: "z. B." or "Nr." end nothing
    parts = split_sentences(" ".join(text.split()))
    claim = _claim(parts)
    if claim is not None:
        return claim
    return next((p for p in parts if p.endswith("?")), " ".join(text.split()))


#: A check that names nothing ("Stimmt das?", "Ist das richtig?", "Kann das sein?", "Hat sie
#: recht?"): the claim before it is the question.
_CHECK = re.compile(r"^\s*(?:und\s+|also\s+)?(?:stimmt|ist|kann|hat|haben|trifft|gilt)\b(?:\s+(?:das|es|sie|er|"
                    r"die|der|denn|so|auch|wirklich|eigentlich|tatsächlich|richtig|korrekt|wahr|"
                    r"sein|recht|zu|da|was|dran|so))*\s*\?$", _F)
#: The frame of a reported claim ("Unser Hauptamt meint, …", "Man hat mir gesagt, dass …").
_REPORTED = re.compile(r"^.*?\b(?:sagt|sagte|sagen|meint|meinte|meinen|behauptet|behauptete|"
                       r"behaupten|erzählt|erzählte|findet|glaubt|glauben|schreibt|gesagt|gehört|"
                       r"gelesen|erklärt|erklärte|heißt es|hört man|vertritt die ansicht)\b\s*[,:]?\s*"
                       r"(?:dass\s+|daß\s+)?(.+)$", _F)


def _claim(parts: list[str]) -> str | None:
    """The claim a check that names nothing asks about, as a question ("Unser Hauptamt meint,
    wir müssten auf KI verzichten. Stimmt das?" – "wir müssten auf KI verzichten?")."""
    at = next((i for i, p in enumerate(parts) if p.endswith("?")), None)
    if not at or not _CHECK.match(parts[at]):
        return None
    before = parts[at - 1].strip()
    m = _REPORTED.match(before)
    said = (m.group(1) if m else before).strip().rstrip(".!")
    return f"{said}?" if len(said.split()) >= 3 else None


def claim_of(text: str) -> str | None:
    """The claim a question checks ("X sagt, …. Stimmt das?"), as a question, or None."""
    from assistant.answers.sentences import split_sentences

    return _claim(split_sentences(" ".join(text.split())))


def asked_part(text: str) -> str:
    """The question inside the sentence asked, after a dash or colon that introduces it ("Ich
    bin neu hier – wie komme ich an die Daten?", "Sie fragt: wie …?"), else the sentence."""
    lead = asked(text)
    parts = re.split(r"\s[–-]\s|:\s", lead)
    last = parts[-1].strip()
    return last if len(parts) > 1 and len(last.split()) >= 3 else lead


#: Words that frame a yes/no question (modal verbs, "erlaubt", fillers): not what it asks about.
FRAME_WORDS = (
    "darf dürfen darfst dürfte dürften muss müssen musst brauche brauchen braucht soll sollen "
    "sollte sollten kann können könnte könnten lassen lasse möchte möchten will wollen "
    "erlaubt zulässig verboten gestattet okay rechtens eigentlich überhaupt einfach genau bitte "
    "mal")


def frame_stems() -> frozenset[str]:
    from assistant.retrieval.german import stem, words

    return frozenset(stem(w) for w in words(FRAME_WORDS))


def main_clause(text: str) -> str:
    """The main clause of the question as asked: up to its first comma ("Brauchen wir einen
    Vertrag mit dem Anbieter[, wenn …]?"); the whole question when the clause names fewer than
    two things beyond its frame ("Ist es erlaubt, …?")."""
    from assistant.retrieval.german import stem, words

    # "(Sprachstand, Förderbedarf)": a comma inside brackets ends no clause
    lead = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", " "), asked(text))
    parts = re.split(r"[,;:–]|\s-\s", lead)
    # "Wenn ich die Namen durch Nummern ersetze, gilt die DSGVO dann noch?": a clause opened by
    # a subordinating conjunction is the condition; the main clause follows it.
    if len(parts) > 1 and _SUBORDINATE.match(parts[0]):
        # the main clause starts with its finite verb ("Wenn ich die Namen durch Schüler A, B,
        # C ersetze, gilt dann …"); commas inside the condition do not end it
        verb = next((i for i, p in enumerate(parts) if i and _MAIN_VERB.match(p)), None)
        if verb is not None:
            parts = parts[verb:]
    while len(parts) > 1 and _SUBORDINATE.match(parts[0]):
        parts = parts[1:]
    # "Dürfen wir schreiben, dass an der Schule zwei Kinder …?": the object clause is what is
    # asked, the main clause goes on through it
    while len(parts) > 1 and _OBJECT_CLAUSE.match(parts[1]):
        parts = [f"{parts[0]},{parts[1]}"] + parts[2:]
    head = parts[0].strip()
    frame = frame_stems()
    if len({stem(w) for w in words(head)} - frame) >= 2:
        return head
    rest = ",".join(parts).strip()
    # after a condition even one named thing is what is asked ("gilt die DSGVO dann noch?")
    return rest if rest != lead and {stem(w) for w in words(rest)} - frame else lead


#: The finite verb that opens a main clause after a condition ("…, gilt dann …", "…, darf ich …").
_MAIN_VERB = re.compile(
    r"^\s*(?:dann |so )?(darf|dürfen|darfst|dürfte|dürften|muss|müssen|musst|kann|kannst|können|"
    r"könnte|könnten|soll|sollen|sollte|sollten|ist|sind|wäre|wären|bin|gilt|gelten|bleibt|"
    r"bleiben|brauch\w*|fällt|fallen|reicht|reichen|genügt|genügen|wird|werden|geht|gehen|"
    r"habe|haben|hat|gibt|zählt|zählen|stimmt|muß)\b", _F)


#: A clause that is the object of the main clause's verb ("…, dass …", "…, ob …", "…, welche …").
_OBJECT_CLAUSE = re.compile(r"^\s*(dass|daß|ob|welche\w*|wer|wen|wem|wie|was|wo|wohin)\b", _F)


def condition(text: str) -> str:
    """The condition in front of the main clause ("Wenn ich die Namen ersetze"), or ""."""
    lead = asked(text)
    clause = main_clause(text)
    if not conditional(text) or clause == lead or not lead.endswith(clause):
        return ""
    return lead[: len(lead) - len(clause)].strip(" ,;:–-")


def conditional(text: str) -> bool:
    """Whether the question asks under a condition stated first ("Wenn ich …, darf ich …?")."""
    return bool(_SUBORDINATE.match(asked(text)))


#: Conjunctions that open a subordinate clause (a condition, a time, a reason) in front of the
#: main clause of a question.
_SUBORDINATE = re.compile(r"^\s*(wenn|falls|sofern|soweit|solange|sobald|nachdem|bevor|obwohl|"
                          r"weil|da|nur weil|auch wenn|selbst wenn)\b", _F)
