"""Exception types with messages that say what to do."""


class CommuniqueError(Exception):
    """Base class for every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input file or record cannot be read; the message names it and why."""

    def __init__(self, source: str, problem: str):
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
