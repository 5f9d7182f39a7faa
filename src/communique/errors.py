"""Exception types with messages that say what to do."""
import re

# Characters that would break a one-line message or act on a terminal: C0 and C1 controls, DEL,
# the Unicode line and paragraph separators, and the bidirectional overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with its control characters spelled as escapes ("a\\nb"), so that it prints on one line
    and as written."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class CommuniqueError(Exception):
    """Base class for every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input file or record cannot be read; the message names it and why, on one line (control
    characters in a file name or a quoted value are escaped)."""

    def __init__(self, source: str, problem: str):
        source, problem = escape_controls(source), escape_controls(problem)
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class InputWarning(UserWarning):
    """Something in the input was read but not used as given (a document id repeated within one run);
    the message names where and what was done instead, on one line."""

    def __init__(self, source: str, problem: str):
        source, problem = escape_controls(source), escape_controls(problem)
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class PipelineError(CommuniqueError):
    """The pipeline cannot be built: unknown stage or unmet requirement."""


class DataError(CommuniqueError):
    """A data file (language data, knowledge base) is malformed."""


class StoreError(CommuniqueError):
    """The database cannot be opened or written."""


class NotFound(CommuniqueError):
    """A document, entity or event asked for does not exist."""

