"""Every generated file of the site that is not a page: data for the browser, attachments."""

from __future__ import annotations

from typing import Callable

from tip_site.core.model import Site
from tip_site.views.generated_file import GeneratedFile
from tip_site.views.library_data import attachment_files, library_data
from tip_site.views.redirects import redirect_files

# Each generator is a pure function of the Site. Add new ones here.
FILE_GENERATORS: tuple[Callable[[Site], list[GeneratedFile]], ...] = (
    library_data,
    attachment_files,
    redirect_files,
)


def generated_files(site: Site) -> list[GeneratedFile]:
    files = [file for generate in FILE_GENERATORS for file in generate(site)]
    if len({f.uri for f in files}) != len(files):  # a programming mistake, not an editor's
        raise ValueError("two file generators produce the same file")
    return files
