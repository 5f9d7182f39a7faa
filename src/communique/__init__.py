"""communique: diplomatic events from Azerbaijani, Kazakh and Russian news."""

__version__ = "0.1.0"
