"""The one error type importing raises: its message is written for the person importing."""


class ImportFailure(Exception):
    """An article could not be imported; str(error) is a complete sentence for the user."""
