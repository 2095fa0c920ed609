"""Canary values go through the chat path (redact -> prompt -> fake model -> restore) and must not
show up in the prompt, the logs or the audit database; restore must bring them back."""

from __future__ import annotations

import logging

from assistant.llm.base import GenerationOptions, Message
from assistant.llm.fake import FakeBackend
from assistant.privacy import PrivacyGate
from assistant.privacy.audit import audit_path

CANARIES = {
    "PERSON": "Zoltan Quirinius-Bakarova",
    "EMAIL_ADDRESS": "canary.q7x@beispiel-schule.de",
    "IBAN_CODE": "DE02120300000000202051",
    "PHONE_NUMBER": "0176 98765432",
    "DE_TAX_ID": "65929970489",
    "STUDENT_ID": "SN-778812",
}


def test_canaries_never_leave_the_gate(settings, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    gate = PrivacyGate.from_settings(settings)
    text = (f"Frau {CANARIES['PERSON']} (Schülernummer {CANARIES['STUDENT_ID']}) bittet um Rückruf "
            f"unter {CANARIES['PHONE_NUMBER']} oder {CANARIES['EMAIL_ADDRESS']}. Erstattung auf "
            f"{CANARIES['IBAN_CODE']}, Steuer-ID {CANARIES['DE_TAX_ID']}. Was antworte ich?")
    red = gate.redact(text)
    assert sorted(e.type for e in red.entities) == sorted(CANARIES)

    fake = FakeBackend()

    def echo_placeholders(messages, options):  # the model repeats the placeholders it was given
        prompt = messages[-1].content
        fake.queue("Antwort an " + " / ".join(e.placeholder for e in red.entities if e.placeholder in prompt))
        return FakeBackend.stream(fake, messages, options)

    fake.stream = echo_placeholders  # type: ignore[method-assign]
    messages = [Message("system", "Du bist Lotse."), Message("user", red.text)]
    answer = fake.complete(messages, GenerationOptions()).text
    restored = gate.restore(answer)

    prompt_text = "\n".join(m.content for prompt in fake.prompts for m in prompt)
    audit_bytes = audit_path(settings.paths.data_dir).read_bytes()
    log_text = caplog.text + "".join(repr(r.args) for r in caplog.records)
    for kind, value in CANARIES.items():
        assert value not in prompt_text, kind
        assert value.encode() not in audit_bytes, kind
        assert value not in log_text, kind
        assert value in restored, kind
    assert "<PERSON_1>" in answer
    assert "PERSON" in audit_bytes.decode("utf-8", "replace")
