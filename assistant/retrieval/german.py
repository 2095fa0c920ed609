"""German-aware tokens for BM25: lowercase, umlaut folding, stopwords, light stemming, compounds.

* ``Schüler``/``Schueler`` and ``Maßnahme``/``Massnahme`` meet after folding (ä→ae, ß→ss).
* A suffix stemmer after CISTEM maps ``Schulen``/``Schule``, ``Quoten``/``Quote``.
* Compounds are split against a lexicon of the corpus' own stems: with ``abschluss`` and
  ``quote`` in the lexicon, ``Abschlussquote`` also yields both parts (a Fugen-s is allowed), so a
  question about the "Quote der Abschlüsse" still meets the compound.
"""

from __future__ import annotations

import re
from typing import Iterable

FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a"})
WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset("""
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch
auf aus bei beim bin bis bist da damit dann das dass dasselbe dazu dein deine dem den denn der
derer des desselben dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch
ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas
euch euer eure fuer gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn
ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem
jenen jener jenes jetzt kann kein keine keinem keinen keiner keines koennen koennte machen man
manche manchem manchen mancher manches mein meine mit muss musste nach nicht nichts noch nun nur
ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem
solchen solcher solches soll sollte sondern sonst ueber um und uns unser unsere unter viel vom von
vor waehrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde
werden wie wieder will wir wird wirst wo wollen wollte wuerde wuerden zu zum zur zwar zwischen
wer wem wen wann warum wozu wieso welches gibt geben gilt etwa bzw usw sowie z b d h u a
""".split())



def fold(text: str) -> str:
    return text.lower().translate(FOLD)


def words(text: str) -> list[str]:
    """Folded words of ``text`` without stopwords (what the index stores per chunk)."""
    return [w for w in WORD.findall(fold(text)) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def stem(word: str) -> str:
    """Suffix stripping after CISTEM (Weissweiler & Fraser 2017), keeping four characters."""
    if word.isdigit() or len(word) <= 4:
        return word
    if word.endswith("innen") and len(word) > 9:
        word = word[:-5]
    elif word.endswith("erin") and len(word) > 7:
        word = word[:-2]
    while len(word) > 4:
        if len(word) > 5 and word[-2:] in ("em", "er", "nd"):
            word = word[:-2]
        elif word[-1] in "tesn":
            word = word[:-1]
        else:
            break
    return word


def tokens(text: str) -> list[str]:
    """Stemmed content words of ``text`` (compound parts need a :class:`CompoundSplitter`)."""
    return [stem(w) for w in words(text)]


class CompoundSplitter:
    """Splits stems into two known stems; the lexicon comes from the indexed corpus."""

    MIN_PART = 4

    def __init__(self, lexicon: Iterable[str]) -> None:
        self.lexicon = {w for w in lexicon if len(w) >= self.MIN_PART and not w.isdigit()}
        self._memo: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        """Two known stems ``word`` (folded, unstemmed) is made of, or ``()``."""
        if len(word) < 2 * self.MIN_PART or word.isdigit():
            return ()
        if word in self._memo:
            return self._memo[word]
        found: tuple[str, ...] = ()
        # Shortest head first: "abschluss|quote" before "abschlussq|uote" (tails must be known).
        for cut in range(self.MIN_PART, len(word) - self.MIN_PART + 1):
            head, tail = word[:cut], stem(word[cut:])
            if tail not in self.lexicon:
                continue
            for candidate in (head, head[:-1] if head[-1] in "sn" else "", head[:-2] if head.endswith("es") else ""):
                if len(candidate) >= self.MIN_PART and stem(candidate) in self.lexicon:
                    found = (stem(candidate), tail)
                    break
            if found:
                break
        self._memo[word] = found
        return found

    def terms(self, folded_words: list[str]) -> list[str]:
        """Stems of ``folded_words`` plus the stems of their compound parts."""
        out = [stem(w) for w in folded_words]
        for w in folded_words:
            out.extend(self.parts(w))
        return out


#: Shortest word in which two swapped neighbouring letters are read as a typo.
SWAP_MIN = 6
_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def _swapped(word: str, right: str) -> bool:
    """Whether ``word`` is ``right`` with two neighbouring letters swapped."""
    if len(word) != len(right) or word == right:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, right)) if a != b]
    return (len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == right[diff[1]]
            and word[diff[1]] == right[diff[0]])


def unswap(text: str, vocabulary: Iterable[str]) -> str:
    """``text`` with words that are a word of ``vocabulary`` with two neighbouring letters
    swapped ("berechent", "Statisitk") written as that word (lower case, in place)."""
    known = [w.lower() for w in vocabulary if len(w) >= SWAP_MIN]

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if len(lowered) < SWAP_MIN or lowered in known:
            return word
        return next((k for k in known if _swapped(lowered, k)), word)

    return _LETTERS.sub(fix, text)
