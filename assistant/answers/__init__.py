"""Answer composition and its checks (citations, faithfulness)."""
