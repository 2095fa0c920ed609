"""Answer composition: question -> privacy gate -> retriever -> passages -> answer with ``[n]``.

Retrieval (``assistant.retrieval``) returns passages; this room turns them into an answer
(extractive or generative) and checks it (citations, streamed placeholders, loops).
"""
