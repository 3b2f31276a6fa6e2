"""Pydantic's validation errors in words a user can read: no class names, no patterns,
no parser jargon, no unprintable input echoed back."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

_PATTERN = re.compile(r"String should match pattern .*")
_INSTANCE = re.compile(r" or instance of \w+")
_UNABLE = re.compile(r", unable to [^.]*")  # ", unable to parse string as ...": the parser's view

# Pydantic's wording for the common kinds of error names Python's types ("a valid tuple");
# these say the same in the file's terms.
_BY_TYPE = {
    "string_type": "should be text",
    "tuple_type": "should be a list",
    "list_type": "should be a list",
    "dict_type": "should be a group of fields",
    "model_type": "should be a group of fields",
    "model_attributes_type": "should be a group of fields",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "date_type": "should be a date",
    "date_parsing": "should be a date",
    "date_from_datetime_parsing": "should be a date",
    "datetime_type": "should be a date and time",
    "datetime_parsing": "should be a date and time",
    "extra_forbidden": "is not something this version of the app knows",
    "missing": "is missing",
    "union_tag_invalid": "is not a kind of item this version of the app knows",
    "union_tag_not_found": "does not say what kind of item it is",
    "string_unicode": "holds a broken character (half of a pair) that cannot be saved",
}


def plain_problem(error: ValidationError, *, whole: str, shown: Callable[[str], str] = str) -> str:
    """The first thing validation found wrong, as "where: what." in plain words.

    whole names the thing itself when the problem has no field ("the template");
    shown makes a field name safe to print.
    """
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    message = _INSTANCE.sub("", _PATTERN.sub("Text is not in the form expected", message))
    message = _UNABLE.sub("", message).replace("Input should be", "should be")
    message = _BY_TYPE.get(first["type"], message)
    where = ", ".join(
        f"number {part + 1}" if isinstance(part, int) else shown(str(part)[:60]).replace("_", " ")
        for part in first["loc"]
    )
    return f"{where or whole}: {message}."
