"""The exception tree. Every error dikg raises on purpose derives from DikgError.

    DikgError
    ├── InputError (ValueError)          bad input: a file, an article, a parameter
    │   ├── FactsFileError               a facts JSON file that does not validate
    │   ├── ArticleError                 an article that cannot be read or extracted
    │   └── QueryError                   a SPARQL query that does not parse or is refused
    ├── UnknownNameError (KeyError)      an unknown named query, format or setting
    └── StoreError (RuntimeError)        the store cannot be opened, read or written

Library code raises these; only the command line turns them into one-line messages
and exit codes.
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "DikgError",
    "FactsFileError",
    "InputError",
    "QueryError",
    "StoreError",
    "UnknownNameError",
]


class DikgError(Exception):
    """Base class of every error dikg raises on purpose."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else self.__class__.__name__


class InputError(DikgError, ValueError):
    """Bad input: a file, an article, a query or a parameter."""


class FactsFileError(InputError):
    """A facts file that cannot be read or does not validate."""


class ArticleError(InputError):
    """An article that cannot be read, decoded or extracted."""


class QueryError(InputError):
    """A SPARQL query that does not parse, lacks a parameter, or is refused."""


class UnknownNameError(DikgError, KeyError):
    """An unknown named query, export format or setting."""


class StoreError(DikgError, RuntimeError):
    """The store cannot be opened, read or written."""
