"""The text gate: German recognizers, the Presidio engine, placeholders per session, audit."""
