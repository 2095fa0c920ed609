"""The ``lotse`` command line. Command modules import only click and the standard library at
module level, so ``lotse --help`` starts fast; the work happens in the service layer."""
