"""'Did you mean …?' hints for misspelt ids and keys."""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(str(word).lower(), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A fix hint: the closest choice if there is one, else the list of choices."""
    choices = sorted(choices)
    match = closest(word, choices)
    if match:
        return f"did you mean '{match}'?"
    return "use one of: " + ", ".join(choices)
