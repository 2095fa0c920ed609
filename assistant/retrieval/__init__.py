"""Grounded answers: ingestion, hybrid retrieval (BM25 + dense) and cited answers.

Components, one per module: ``loaders`` (files -> sections), ``chunking`` (sections -> chunks),
``embedder`` (multilingual-e5-small, cached), ``store`` (Chroma + manifest), ``ingest``,
``index`` (the opened index), ``german`` (BM25 tokens), ``hybrid`` (retriever), ``sentences``,
``extractive`` and ``generative`` (answerers), ``pipeline`` (privacy gate -> answer),
``evaluate`` (hit@k, MRR). Importing the package imports none of the heavy libraries.
"""
