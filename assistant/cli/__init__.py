"""The ``lotse`` command line. Command modules import only click and the standard library at
module level, so ``lotse --help`` starts fast; the work happens in the service layer.

A command gets its service from the click context object (``app.service``), built once per
invocation by :func:`assistant.cli.main.make_service`; tests hand in their own service with
``obj=AppContext.of(lotse)``. How to add a command: see the docstring of :mod:`assistant.cli.main`.
"""
