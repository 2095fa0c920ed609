"""Developer tools (training, corpus evaluation, vector prebuild); not part of the installed package."""
