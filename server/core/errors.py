"""The atlas's errors: what went wrong, with the HTTP status and OGC code it deserves.

Validators in the core raise these with a precise message; ``server.web.errors`` is the one
place that turns them into HTTP answers, so every bad input gets the same shape of 4xx and never
a 500. Pure exception classes (after pygeoapi's ``error.py``): no Flask here.
"""

from __future__ import annotations

from http import HTTPStatus


class AtlasError(Exception):
    """Base of every error we raise on purpose; ``status`` and ``code`` shape the answer."""

    status = HTTPStatus.BAD_REQUEST
    code = "InvalidParameterValue"

    @property
    def description(self) -> str:
        """Return the message a user reads."""
        return str(self)


class InvalidParameter(AtlasError, ValueError):
    """A query parameter is malformed or out of range."""


class InvalidDate(InvalidParameter):
    """A date or interval is malformed, impossible or out of range."""


class UnknownLayer(AtlasError, LookupError):
    """No layer (collection) has this id."""

    status = HTTPStatus.NOT_FOUND
    code = "NotFound"


class FeatureNotFound(AtlasError, LookupError):
    """No feature of the layer has this id."""

    status = HTTPStatus.NOT_FOUND
    code = "NotFound"


class DataError(AtlasError):
    """A data file breaks the data contract; names the file, the feature and the reason."""

    status = HTTPStatus.INTERNAL_SERVER_ERROR
    code = "InvalidData"

    def __init__(self, path: str, reason: str, feature: str | None = None) -> None:
        self.path, self.reason, self.feature = path, reason, feature
        where = f"{path}: feature {feature!r}" if feature else path
        super().__init__(f"{where}: {reason}")


class SettingError(AtlasError):
    """A setting (``ATLAS_*`` or a ``create_app`` override) has a value the atlas cannot use."""

    status = HTTPStatus.INTERNAL_SERVER_ERROR
    code = "InvalidSetting"
