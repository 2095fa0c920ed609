"""The guide conversation as a state machine: ``(LearnerState, input) -> (LearnerState, Turn)``.

Pure apart from the injected ``ask`` function (free questions): no files, no model, no clock.
It understands "weiter", "zurück", "Übersicht", "hilfe", "nochmal", "ende", a module number or
name, answers A–E to check questions, "kompass" (the self-assessment, one question per
dimension) and free questions, which go to ``ask`` (privacy gate + extractive answer over the
guidance, cited). Progress counts through solved exercises, never through pages read.

The learner state holds no free text: questions are not stored.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Literal, Protocol, Sequence

from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import LotseError
from assistant.guide import render
from assistant.guide.assessment import assess, render_result
from assistant.guide.kompass import TYPES
from assistant.guide.modules import LETTERS, Guide, Module

NOT_COVERED = "Dazu steht im Leitfaden nichts."
#: Share of the question's content words that the cited passages must contain.
MIN_COVERAGE = 0.5

WORDS: dict[str, set[str]] = {
    "next": {"weiter", "w", "vor", "naechster", "next", "ok", "ja"},
    "back": {"zurueck", "z", "back", "vorheriger"},
    "overview": {"uebersicht", "u", "menue", "menu", "module", "inhalt"},
    "help": {"hilfe", "h", "?", "help"},
    "repeat": {"nochmal", "wiederholen", "anzeigen"},
    "end": {"ende", "beenden", "q", "quit", "exit", "stopp", "tschuess"},
    "kompass": {"kompass"},
    "kompass_new": {"kompass neu"},
    "cancel": {"abbrechen"},
}


class Citation(Protocol):
    @property
    def source(self) -> str: ...

    @property
    def section(self) -> str | None: ...

    @property
    def text(self) -> str: ...

    def label(self) -> str: ...


class AnswerLike(Protocol):
    @property
    def question_anonymized(self) -> str: ...

    @property
    def answer(self) -> str: ...

    @property
    def citations(self) -> Sequence[Citation]: ...


class LearnerState(BaseModel):
    """Where the learner is; saved as JSON in the data dir between sessions."""

    model_config = ConfigDict(extra="forbid")
    version: Literal[1] = 1
    module: str | None = None  #: current module id; None: at the overview
    step: int = Field(default=0, ge=0)  #: step index; ``len(steps)`` is the module's end page
    solved: dict[str, list[int]] = Field(default_factory=dict)  #: module id -> solved step indices
    kompass: list[int] = Field(default_factory=list)  #: Kompass answers so far (1–4)
    mode: Literal["guide", "kompass"] = "guide"


@dataclass(frozen=True)
class Turn:
    """What the guide says. ``kind`` names the transition (for front ends and tests)."""

    kind: str
    text: str
    citations: tuple[str, ...] = ()
    finished: bool = False


_FOLD_UMLAUTS: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def _norm(text: str) -> str:
    folded = text.strip().lower().translate(str.maketrans(_FOLD_UMLAUTS))
    return " ".join(re.sub(r"[.!]+$", "", folded).split())


_PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")


def _terms(text: str) -> set[str]:
    from assistant.retrieval.german import tokens

    return {t for t in tokens(_PLACEHOLDER.sub(" ", text)) if not t.isdigit()}


class Conversation:
    def __init__(self, guide: Guide, ask: Callable[[str], AnswerLike]) -> None:
        self.guide = guide
        self.ask = ask

    # entry ------------------------------------------------------------------------------------
    def open(self, state: LearnerState, module: Module | None = None) -> tuple[LearnerState, Turn]:
        """First turn of a session: jump to ``module``, resume where the learner stopped, or start."""
        s = state.model_copy(deep=True)
        s.mode = "guide"
        if module is not None:
            return self._goto(s, module, 0, "Willkommen im Leitfaden von Lotse.\n\n")
        if s.module is not None:
            current = self._module(s)
            if current is not None:
                return self._show(s, "Willkommen zurück! Sie waren hier stehen geblieben:\n\n")
            s.module, s.step = None, 0
        text = ("Willkommen! Dieser Leitfaden führt Sie Schritt für Schritt in das "
                "datenbasierte kommunale Bildungsmanagement und das Bildungsmonitoring ein.\n\n"
                + render.overview(self.guide, s.solved, len(s.kompass)))
        return s, Turn("overview", text)

    def start_kompass(self, state: LearnerState, *, new: bool = False) -> tuple[LearnerState, Turn]:
        s = state.model_copy(deep=True)
        total = len(self.guide.kompass.dimensions)
        if new or len(s.kompass) >= total:
            s.kompass = [] if new else s.kompass
        if len(s.kompass) >= total:
            return s, self._kompass_result(s)
        s.mode = "kompass"
        return s, self._kompass_question(s)

    # transitions ------------------------------------------------------------------------------
    def handle(self, state: LearnerState, text: str) -> tuple[LearnerState, Turn]:
        s = state.model_copy(deep=True)
        key = _norm(text)
        if s.mode == "kompass":
            return self._kompass_input(s, key, text)
        command = self._command(key)
        if key == "":
            command = "remind" if self._pending(s) else "next"
        if command == "end":
            return s, Turn("end", "Bis zum nächsten Mal! Ihr Stand ist gespeichert; mit "
                                  "'lotse einstieg' geht es hier weiter.", finished=True)
        if command == "help":
            return s, Turn("help", render.HELP)
        if command == "overview":
            s.module, s.step = None, 0
            return s, Turn("overview", render.overview(self.guide, s.solved, len(s.kompass)))
        if command in ("kompass", "kompass_new"):
            return self.start_kompass(s, new=command == "kompass_new")
        if command == "remind":
            return s, Turn("remind", "Die Prüffrage ist noch offen: Antworten Sie mit einem "
                                     "Buchstaben oder gehen Sie mit 'weiter' dennoch voran.")
        if command == "repeat":
            return self._show(s)
        if command == "next":
            return self._next(s)
        if command == "back":
            return self._back(s)
        choice = self._choice(s, key)
        if choice is not None:
            return self._answer(s, choice)
        if re.fullmatch(r"[a-e]\)?", key):
            return s, Turn("no-exercise", "Hier gibt es keine Prüffrage. 'weiter' führt zum "
                                          "nächsten Schritt, 'hilfe' zeigt alle Eingaben.")
        module = self.guide.find(key)
        if module is not None:
            return self._goto(s, module, 0)
        if key.startswith("modul"):
            near = self.guide.closest(key)
            hint = f" Meinten Sie {near[0].label()}?" if near else ""
            return s, Turn("unknown-module",
                           f"Dieses Modul gibt es nicht; es gibt die Module 1 bis "
                           f"{len(self.guide.modules)}.{hint} 'Übersicht' zeigt alle Module.")
        typo = difflib.get_close_matches(key, sorted(set().union(*WORDS.values())), n=1, cutoff=0.8)
        if typo and " " not in key and len(key) > 2:
            return s, Turn("unclear", f"Meinten Sie '{typo[0]}'? 'hilfe' zeigt alle Eingaben.")
        return self._question(s, text)

    # guide moves ------------------------------------------------------------------------------
    def _module(self, s: LearnerState) -> Module | None:
        return next((m for m in self.guide.modules if m.id == s.module), None)

    def _pending(self, s: LearnerState) -> bool:
        m = self._module(s)
        return (m is not None and s.step < len(m.steps) and m.steps[s.step].exercise is not None
                and s.step not in s.solved.get(m.id, []))

    def _goto(self, s: LearnerState, module: Module, step: int, prefix: str = "") -> tuple[LearnerState, Turn]:
        s.module, s.step = module.id, step
        return self._show(s, prefix)

    def _show(self, s: LearnerState, prefix: str = "") -> tuple[LearnerState, Turn]:
        m = self._module(s)
        if m is None:
            return s, Turn("overview", prefix + render.overview(self.guide, s.solved, len(s.kompass)))
        s.step = min(s.step, len(m.steps))
        if s.step == len(m.steps):
            return s, Turn("module-end", prefix + render.module_end(self.guide, m, s.solved))
        return s, Turn("step", prefix + render.step_text(self.guide, m, s.step, s.solved))

    def _next(self, s: LearnerState) -> tuple[LearnerState, Turn]:
        m = self._module(s)
        if m is None:  # from the overview: the first module with open exercises
            target = next((x for x in self.guide.modules
                           if render.solved_in(s.solved, x) < len(x.exercises)), self.guide.modules[0])
            return self._goto(s, target, 0)
        if s.step >= len(m.steps):
            if m.next is None:
                s.module, s.step = None, 0
                return s, Turn("overview", render.overview(self.guide, s.solved, len(s.kompass)))
            return self._goto(s, self.guide.by_id(m.next), 0)
        note = ""
        if self._pending(s):
            note = ("(Die Prüffrage in Schritt "
                    f"{s.step + 1} bleibt offen; sie zählt erst, wenn Sie sie lösen.)\n\n")
        s.step += 1
        return self._show(s, note)

    def _back(self, s: LearnerState) -> tuple[LearnerState, Turn]:
        m = self._module(s)
        if m is None:
            return s, Turn("overview", render.overview(self.guide, s.solved, len(s.kompass)))
        if s.step == 0:
            return self._show(s, "Sie sind schon am Anfang des Moduls.\n\n")
        s.step -= 1
        return self._show(s)

    def _choice(self, s: LearnerState, key: str) -> int | None:
        """The option number (1-based) ``key`` picks for the current step's exercise, if any."""
        m = self._module(s)
        exercise = m.steps[s.step].exercise if m is not None and s.step < len(m.steps) else None
        if exercise is None:
            return None
        count = len(exercise.options)
        match = re.fullmatch(r"(?:antwort\s*)?([a-e1-5])\)?", key)
        if not match:
            return None
        value = match.group(1)
        number = int(value) if value.isdigit() else LETTERS.lower().index(value) + 1
        return number if number <= count else None

    def _answer(self, s: LearnerState, choice: int) -> tuple[LearnerState, Turn]:
        m = self._module(s)
        assert m is not None
        ex = m.steps[s.step].exercise
        assert ex is not None
        if choice == ex.answer:
            solved = set(s.solved.get(m.id, []))
            solved.add(s.step)
            s.solved[m.id] = sorted(solved)
            text = (f"Richtig! {ex.explanation.strip()}\n"
                    f"Fortschritt in diesem Modul: {render.progress(s.solved, m)}. Weiter mit 'weiter'.")
            return s, Turn("correct", text)
        hint = f" Zum Nachsehen: {ex.command}" if ex.command else ""
        sources = ", ".join(f"„{ref.heading}“" for ref in m.steps[s.step].sources)
        return s, Turn("wrong", f"{LETTERS[choice - 1]} stimmt nicht. Lesen Sie noch einmal im "
                                f"Abschnitt {sources} nach und versuchen Sie es erneut.{hint}")

    # free questions ---------------------------------------------------------------------------
    def _question(self, s: LearnerState, text: str) -> tuple[LearnerState, Turn]:
        try:
            answer = self.ask(text)
        except LotseError as exc:
            return s, Turn("error", f"{exc.message} {exc.hint or ''}".strip())
        where = self._where(s)
        if not self._covered(answer):
            near = self._closest_module(answer.question_anonymized)
            offer = (f" Am nächsten kommt {near.label()} – geben Sie 'Modul {near.number}' ein."
                     if near else " Welche Themen er behandelt, zeigt die 'Übersicht'.")
            return s, Turn("not-covered", f"{NOT_COVERED}{offer}{where}")
        labels = tuple(c.label() for c in answer.citations)
        refs = [(c.source, c.section) for c in answer.citations]
        module = self.guide.covering(refs) or self._closest_module(answer.question_anonymized)
        lines = ["Antwort aus dem Leitfaden:", answer.answer.strip(), "", "Quellen:"]
        lines += [f"  {label}" for label in labels]
        if module is not None:
            if module.id == s.module:
                lines += ["", f"Mehr dazu in diesem Modul ({module.label()})."]
            else:
                lines += ["", f"Mehr dazu in {module.label()} – geben Sie 'Modul {module.number}' ein."]
        return s, Turn("answer", "\n".join(lines) + where, citations=labels)

    def _where(self, s: LearnerState) -> str:
        m = self._module(s)
        if m is None:
            return "\nSie sind bei der Übersicht."
        return (f"\nSie sind weiterhin in {m.label()}, Schritt {min(s.step + 1, len(m.steps))}: "
                "'nochmal' zeigt ihn, 'weiter' geht voran.")

    @staticmethod
    def _covered(answer: AnswerLike) -> bool:
        """Do the cited passages contain at least half of the question's content words?

        A word counts when its stem or one of its compound parts occurs in the passages (also as
        a part of a compound there): "Sprachmodelle" meets "Modell", "Liste" meets "Schülerlisten".
        """
        from assistant.retrieval.german import CompoundSplitter, stem, words

        if not answer.citations:
            return False
        passage_words = [w for c in answer.citations for w in words(c.text)]
        splitter = CompoundSplitter({stem(w) for w in passage_words})
        found = set(splitter.terms(passage_words))
        asked = [w for w in words(_PLACEHOLDER.sub(" ", answer.question_anonymized)) if not w.isdigit()]
        if not asked:
            return False
        hits = sum(1 for w in asked if {stem(w), *splitter.parts(w)} & found)
        return hits / len(asked) >= MIN_COVERAGE

    def _closest_module(self, question: str) -> Module | None:
        asked = _terms(question)
        best, chosen = 0, None
        for m in self.guide.modules:
            body = " ".join([m.title, m.summary, *m.keywords]
                            + [" ".join([x.title, x.text, *(r.heading for r in x.sources),
                                         *([x.exercise.question, *x.exercise.options] if x.exercise else [])])
                               for x in m.steps])
            score = len(asked & _terms(body))
            if score > best:
                best, chosen = score, m
        return chosen

    # Kompass ----------------------------------------------------------------------------------
    def _kompass_question(self, s: LearnerState) -> Turn:
        dims = self.guide.kompass.dimensions
        i = len(s.kompass)
        return Turn("kompass-question", render.kompass_question(dims[i], i + 1, len(dims)))

    def _kompass_result(self, s: LearnerState) -> Turn:
        text = render_result(assess(self.guide, s.kompass))
        return Turn("kompass-result", text + "\n\nMit 'kompass neu' schätzen Sie neu ein; "
                                             "'Übersicht' zeigt die Module.")

    def _kompass_input(self, s: LearnerState, key: str, raw: str) -> tuple[LearnerState, Turn]:
        command = self._command(key)
        if command == "end":
            return s, Turn("end", "Bis zum nächsten Mal! Ihre Kompass-Antworten sind gespeichert.",
                           finished=True)
        if command in ("cancel", "overview"):
            s.mode = "guide"
            prefix = "Kompass unterbrochen; Ihre Antworten bleiben gespeichert.\n\n"
            if command == "overview":
                s.module = None
            return self._show(s, prefix)
        if command == "back":
            if s.kompass:
                s.kompass.pop()
            return s, self._kompass_question(s)
        match = re.fullmatch(r"([a-d1-4])\)?", key) or re.fullmatch(r"typ\s*(i{1,3}|iv)", key)
        if not match:
            return s, Turn("kompass-unclear",
                           f"Bitte wählen Sie A–D (Typ I–IV).\n\n{self._kompass_question(s).text}")
        value = match.group(1)
        roman = {t.lower(): i + 1 for i, t in enumerate(TYPES)}
        number = roman.get(value) or (int(value) if value.isdigit() else "abcd".index(value) + 1)
        s.kompass.append(number)
        if len(s.kompass) < len(self.guide.kompass.dimensions):
            return s, self._kompass_question(s)
        s.mode = "guide"
        return s, self._kompass_result(s)

    @staticmethod
    def _command(key: str) -> str | None:
        return next((name for name, words in WORDS.items() if key in words), None)
