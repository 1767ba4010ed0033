"""The date scheduled content is published against."""

from __future__ import annotations

import datetime as dt
import os
from typing import Mapping


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """TIP_BUILD_DATE (YYYY-MM-DD) if set, else today: setting it makes a build reproducible on any day.

    Raises ValueError with an editor-readable message if it is not a date.
    """
    fixed = environ.get("TIP_BUILD_DATE")
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise ValueError(f"TIP_BUILD_DATE: '{fixed}' is not a date — write it as YYYY-MM-DD") from None
