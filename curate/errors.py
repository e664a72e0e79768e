"""The one exception family the library raises; the CLI turns it into an ``Error:`` line."""


class CurateError(Exception):
    """Something curate cannot do, with a message that says what went wrong and what to do."""


class InputError(CurateError):
    """An input file (article, corpus, export, label config) is unreadable or malformed."""


class LabelStudioError(CurateError):
    """The Label Studio server is unreachable, refused the key, or answered unexpectedly."""
