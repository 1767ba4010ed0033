"""The helper process of `indexer.IndexAlongside`: `python -m tip_site.search.index_helper`.

Reads pickled messages on stdin: first (synonyms, filters, site folder), then
one `RenderedPage` per page, then None. Indexes each page as it comes (through
`IndexHere`, the very code the build runs when it indexes itself) and answers
once on stdout: ("done", pages indexed) or ("failed", why). If the build stops
(its end of the pipe closes), so does the helper.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from tip_site.search.indexer import IndexHere


def main() -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        synonyms, filters, site_dir = pickle.load(stdin)
        indexer = IndexHere(synonyms, filters, Path(site_dir))
        while (page := pickle.load(stdin)) is not None:
            indexer.add(page)
        answer: tuple[str, object] = ("done", indexer.finish())
    except EOFError:  # the build has gone: nobody to answer
        return 1
    except Exception as error:  # noqa: BLE001 - told to the build, which stops with it
        answer = ("failed", f"{type(error).__name__}: {error}")
    pickle.dump(answer, stdout)
    stdout.flush()
    return 0 if answer[0] == "done" else 1


if __name__ == "__main__":
    sys.exit(main())
