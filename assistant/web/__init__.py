"""``lotse serve``: the German web UI (Gradio) and the OpenAI-compatible API, over the service only."""
