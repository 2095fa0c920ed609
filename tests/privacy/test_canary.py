"""Canary values go through the chat path (``Lotse.chat``: redact -> prompt template -> model ->
restore) and must not show up in the prompt, the logs or the audit database; the answer shown to
the user must bring them back."""

from __future__ import annotations

import logging
import re

from assistant.llm.fake import FakeBackend
from assistant.privacy.audit import audit_path
from assistant.service import Lotse

CANARIES = {
    "PERSON": "Zoltan Quirinius-Bakarova",
    "EMAIL_ADDRESS": "canary.q7x@beispiel-schule.de",
    "IBAN_CODE": "DE02120300000000202051",
    "PHONE_NUMBER": "0176 98765432",
    "DE_TAX_ID": "65929970489",
    "STUDENT_ID": "SN-778812",
}


class EchoingModel(FakeBackend):
    """Answers with the placeholders it finds in its prompt, as a real model repeats them."""

    def __init__(self) -> None:
        super().__init__(kind="instruct")
        self.replies_given: list[str] = []

    def stream(self, messages, options):  # noqa: ANN001, ANN201
        prompt = "\n".join(m.content for m in messages)
        reply = "Antwort an " + " / ".join(dict.fromkeys(re.findall(r"<[A-Z_]+_\d+>", prompt))) + "."
        self.replies_given.append(reply)
        self.queue(reply)
        return super().stream(messages, options)


def test_canaries_never_leave_the_gate(settings, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    model = EchoingModel()
    lotse = Lotse(settings, backend=model, status=lambda _: None)
    text = (f"Frau {CANARIES['PERSON']} (Schülernummer {CANARIES['STUDENT_ID']}) bittet um Rückruf "
            f"unter {CANARIES['PHONE_NUMBER']} oder {CANARIES['EMAIL_ADDRESS']}. Erstattung auf "
            f"{CANARIES['IBAN_CODE']}, Steuer-ID {CANARIES['DE_TAX_ID']}. Was antworte ich?")
    shown = "".join(lotse.chat(text))

    prompt_text = "\n".join(m.content for prompt in model.prompts for m in prompt)
    audit_bytes = audit_path(settings.paths.data_dir).read_bytes()
    log_text = caplog.text + "".join(repr(r.args) for r in caplog.records)
    assert len(model.prompts) == 1
    for kind, value in CANARIES.items():
        assert value not in prompt_text, kind
        assert f"<{kind}_1>" in prompt_text, kind
        assert value.encode() not in audit_bytes, kind
        assert value not in log_text, kind
        assert value in shown, kind
    assert "<PERSON_1>" in model.replies_given[0] and "<" not in shown
    assert "PERSON" in audit_bytes.decode("utf-8", "replace")
