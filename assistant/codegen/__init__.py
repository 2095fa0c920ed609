"""Code generation: static policy and sandbox for generated pandas and R snippets.

``policy.check_python`` / ``policy.check_r`` refuse dangerous code before it runs;
``sandbox.ProcessSandbox`` runs what passes in a separate, locked-down process and returns the
snippet's ``ergebnis`` table.
"""
