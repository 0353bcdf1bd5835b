"""What a group has decided across its meetings, searched and filtered.

The group's decisions are read from the library once (one query), then each
search looks through them in memory: a word search over a thousand decisions
takes a fraction of a millisecond, so the list can follow every key press.
A search word is found at the start of any word of the decision, its agenda
item or its meeting, in any letter case and with or without accents ("cafe"
finds "Café").
"""

from __future__ import annotations

import datetime as dt
import re
import string
import unicodedata
from dataclasses import dataclass

from facilitator.core.library import Library
from facilitator.core.model import GroupDecision

WORD = re.compile(r"\w+")
# Arabic writes "the" (ال) as part of the word, often after "and", "with", "so", "like" or "for" (و ب ف ك ل):
# "المكتبة" is "the library". A word is found with or without it.
ARABIC_ARTICLE = re.compile(r"^(?:[وبفكل]?ال|لل)(?=\w\w)")


def _forms(text: str) -> list[str]:
    """The folded words of ``text``, each followed by its form without an Arabic article when it has one."""
    forms = []
    for word in WORD.findall(folded(text)):
        forms.append(word)
        bare = ARABIC_ARTICLE.sub("", word)
        if bare != word:
            forms.append(bare)
    return forms


def folded(text: str) -> str:
    """Text for matching: lower case, accents taken off ("Café" becomes "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(letter for letter in decomposed if not unicodedata.combining(letter))


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _meeting_order(found: GroupDecision) -> tuple:
    """Newest meeting first, undated ones last, then by title as the library sorts it (only A to Z fold
    to lower case), then by id; within a meeting, decisions keep their own order (the sort is stable)."""
    return (found.date is None, -(found.date or dt.date.min).toordinal(),
            found.workshop_title.translate(_ASCII_LOWER), found.workshop_id)


@dataclass(frozen=True)
class Filters:
    words: str = ""
    agreed: bool | None = None  # True: agreed only; False: still to decide only; None: both
    since: dt.date | None = None
    until: dt.date | None = None


class GroupHistory:
    """The decisions of one group, read once; ``earlier`` (the same group read before) lends its folded words."""

    def __init__(self, library: Library, group_id: str, earlier: GroupHistory | None = None,
                 decisions: list[GroupDecision] | None = None):
        self.group_id = group_id
        self.decisions = library.group_decisions(group_id) if decisions is None else decisions
        # Every word of a decision's text, item and meeting, folded once, for starts-of-words matching.
        # Read again after a change, only the words that changed are folded again.
        known = earlier._folded if earlier is not None and earlier.group_id == group_id else {}
        texts = [f"{found.decision.text} {found.item_title} {found.workshop_title}" for found in self.decisions]
        self._folded = {text: known.get(text) or " " + " ".join(_forms(text)) for text in texts}
        self._words = [self._folded[text] for text in texts]

    def updated(self, library: Library, changed: set[str]) -> GroupHistory:
        """The history after the meetings ``changed`` changed (or joined or left the group).

        Only their decisions are read again; the rest are kept, in the order a
        whole new reading would give."""
        kept = [found for found in self.decisions if found.workshop_id not in changed]
        fresh = library.group_decisions(self.group_id, meetings=sorted(changed)) if changed else []
        return GroupHistory(library, self.group_id, earlier=self, decisions=sorted(kept + fresh, key=_meeting_order))

    def meetings(self) -> set[str]:
        """The ids of the meetings these decisions were made in."""
        return {found.workshop_id for found in self.decisions}

    def search(self, filters: Filters = Filters()) -> list[GroupDecision]:
        """The decisions that match every search word and every filter, newest meeting first."""
        wanted = [" " + ARABIC_ARTICLE.sub("", word) for word in WORD.findall(folded(filters.words))]
        found = []
        for decision, words in zip(self.decisions, self._words):
            if filters.agreed is not None and decision.decision.agreed != filters.agreed:
                continue
            if filters.since is not None and (decision.date is None or decision.date < filters.since):
                continue
            if filters.until is not None and (decision.date is None or decision.date > filters.until):
                continue
            if all(word in words for word in wanted):
                found.append(decision)
        return found
