"""Onboarding: the guide modules (``knowledge/guide``), the DKBM-Kompass and the guide conversation."""

from assistant.guide.assessment import KompassResult, assess, parse_answers, render_result
from assistant.guide.conversation import Conversation, LearnerState, Turn
from assistant.guide.kompass import Kompass, load_kompass
from assistant.guide.modules import Guide, Module, load_guide
from assistant.guide.session import GuideSession, StateStore

__all__ = ["Conversation", "Guide", "GuideSession", "Kompass", "KompassResult", "LearnerState",
           "Module", "StateStore", "Turn", "assess", "load_guide", "load_kompass",
           "parse_answers", "render_result"]
