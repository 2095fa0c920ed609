"""Code generation: static policy and sandbox for generated pandas and R snippets.

Validation order for a snippet (issue 12): the policy first, then the sandbox::

    from assistant.codegen.policy import check_python, check_r
    from assistant.codegen.sandbox import ProcessSandbox

    violations = check_python(code)            # [Violation(line, message (German), rule)]
    if not violations:
        result = ProcessSandbox().run(code, "python", {"daten.csv": path})
        result.ok, result.result, result.error, result.isolation   # DataFrame of `ergebnis`
    # the data and perturbed copies in one sandbox (one interpreter start):
    results = ProcessSandbox().run_batch(code, "r", [{"daten.csv": a}, {"daten.csv": b}])

The snippet reads its inputs by file name from its working directory and assigns the result table
to ``ergebnis``; text columns (region keys such as "01001") come back as text.
"""
