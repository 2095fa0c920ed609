"""A guide session: the conversation plus the learner state saved in the data dir (JSON).

Every turn is saved at once, so a newcomer can stop at any point (also with Ctrl+C) and resume
with ``lotse einstieg``. A state file that cannot be read is moved aside (``*.defekt``) and the
session starts afresh with a German note; the state holds no free text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.guide.conversation import AnswerLike, Conversation, LearnerState, Turn
from assistant.guide.modules import Guide, Module

STATE_FILE = "lernstand.json"


class StateStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE
        self.note = ""

    def load(self) -> LearnerState:
        if not self.path.is_file():
            return LearnerState()
        try:
            return LearnerState.model_validate(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError):
            broken = self.path.with_suffix(".defekt")
            os.replace(self.path, broken)
            self.note = (f"Hinweis: Ihr gespeicherter Lernstand war nicht lesbar und liegt jetzt "
                         f"unter {broken}; der Leitfaden beginnt von vorn.\n\n")
            return LearnerState()

    def save(self, state: LearnerState) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(state.model_dump_json(indent=2), encoding="utf-8")
        os.replace(tmp, self.path)


def resolve_module(guide: Guide, name: str) -> Module:
    """The module ``name`` means, or a German ``InputError`` suggesting the closest one."""
    module = guide.find(name)
    if module is not None:
        return module
    near = guide.closest(name)
    hint = (f"Meinten Sie {near[0].label()}? Starten Sie mit 'lotse einstieg --modul "
            f"{near[0].number}'." if near else "")
    names = "; ".join(f"{m.number} {m.id}" for m in guide.modules)
    raise InputError(f"Ein Leitfaden-Modul '{name}' gibt es nicht (vorhanden: {names}).",
                     hint or "Ohne --modul zeigt 'lotse einstieg' die Übersicht.")


class GuideSession:
    """``start()`` once, then ``send(text)`` per input; the state is saved after every turn."""

    def __init__(self, guide: Guide, store: StateStore, ask: Callable[[str], AnswerLike]) -> None:
        self.guide = guide
        self.store = store
        self.conversation = Conversation(guide, ask)
        self.state = store.load()

    def _keep(self, state: LearnerState, turn: Turn) -> Turn:
        self.state = state
        self.store.save(state)
        return turn

    def start(self, module: str | None = None) -> Turn:
        target = resolve_module(self.guide, module) if module else None
        state, turn = self.conversation.open(self.state, target)
        if self.store.note:
            turn = Turn(turn.kind, self.store.note + turn.text, turn.citations, turn.finished)
            self.store.note = ""
        return self._keep(state, turn)

    def start_kompass(self, new: bool = False) -> Turn:
        return self._keep(*self.conversation.start_kompass(self.state, new=new))

    def send(self, text: str) -> Turn:
        return self._keep(*self.conversation.handle(self.state, text))
