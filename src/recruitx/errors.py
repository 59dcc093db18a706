"""Exceptions raised by recruitx; everything else that goes wrong becomes a Diagnostic."""


class RecruitxError(Exception):
    """Base class of every exception recruitx raises on purpose."""


class InputTooLarge(RecruitxError, ValueError):
    """The text is longer than the ``max_chars`` limit of the call; raise the limit to parse it."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input is {size:,} characters, above the limit of {limit:,}; pass max_chars= to raise the limit"
        )
        self.size = size
        self.limit = limit


class InvalidArgument(RecruitxError, ValueError):
    """An argument has the right type but a value recruitx cannot use (an unknown language, a bad date)."""
