"""Where curate finds the files it ships beside its code: ``label_config/`` and ``seeds/``.

In a checkout they are the repository's top-level folders, the one source. A wheel carries
them under ``curate/shipped/`` (hatch's ``force-include``, at build time), so an installed
curate finds its label config, guidelines and seed articles from any directory.
"""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SHIPPED = PACKAGE / "shipped"


def resource_dir(name: str) -> Path:
    """The shipped folder ``name``: the installed copy if there is one, else the checkout's."""
    installed = SHIPPED / name
    return installed if installed.is_dir() else PACKAGE.parent / name


#: ``ner.xml`` (the labeling interface) and ``guidelines.html``.
LABEL_CONFIG_DIR = resource_dir("label_config")
#: The five seed articles ``curate up`` pushes.
SEEDS_DIR = resource_dir("seeds")
