"""The table gate: personal columns, small-count suppression, k-anonymity.

>>> from assistant.privacy.tables import check_table_file
"""

from assistant.privacy.tables.check import (ACTION_TEXT, TableCheck, check_table,  # noqa: F401
                                            check_table_file)
