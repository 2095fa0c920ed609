"""The indicator catalogue: curated YAML entries, their schema, search and reference implementations.

    from assistant.catalogue import load_catalogue
    cat = load_catalogue(settings.paths.knowledge_dir / "indicators")
    cat.get("C7.1").to_text()
"""

from assistant.catalogue.loader import Catalogue, load_catalogue
from assistant.catalogue.schema import CatalogueError, Column, Indicator

__all__ = ["Catalogue", "CatalogueError", "Column", "Indicator", "load_catalogue"]
