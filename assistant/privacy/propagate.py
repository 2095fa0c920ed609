"""Later mentions of a known name: "Lea Schmidt ... Schmidt fehlte" -> both are PERSON.

Name words come from the persons found in this text and earlier in the session. A mention is
matched case-insensitively and accent-insensitively as a whole word; a capitalised ordinary word
after an article stays a noun ("Lea Koch ... der Koch").
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.recognizers.person_tokens import DETERMINERS, TOKEN_RE

PROPAGATED_SCORE = 0.8
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(" + "|".join(sorted(DETERMINERS)) + r")\s+\Z", re.IGNORECASE)


def propagate(text: str, words: Iterable[str], covered: list[tuple[int, int]],
              lexicon: NameLexicon) -> list[tuple[int, int]]:
    """Spans of further mentions of ``words`` (folded name words) not inside ``covered``."""
    wanted = {w for w in words if len(w) >= 2}
    folded_text = fold(text)
    if not any(w in folded_text for w in wanted):
        return []  # cheap pre-check: most texts hold no further mention
    covered = sorted(covered)
    starts = [s for s, _ in covered]
    spans: list[tuple[int, int]] = []
    for match in TOKEN_RE.finditer(text):
        word = match.group().rstrip(".")
        if fold(word) not in wanted:
            continue
        start, end = match.start(), match.start() + len(word)
        i = bisect.bisect_left(starts, end)  # covered spans starting before our end
        if i > 0 and covered[i - 1][1] > start:
            continue
        if word[:1].islower() and lexicon.is_common(word):
            continue  # "nur", "mit": never names in lower case
        if lexicon.is_common(word) and _ARTICLE_BEFORE.search(text[max(0, start - 12):start]):
            continue
        spans.append((start, end))
    return spans
