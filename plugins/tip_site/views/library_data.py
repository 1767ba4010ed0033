"""The library's data for the browser: a compact index to filter, and the cards in shards.

library/index.json holds only what filtering by facet needs: for each resource,
in the order Python listed them, one bit mask per facet (bit i = the facet's
i-th value). Its size grows by a few bytes per resource. The words to show and
search are in library/cards/<n>.json, SHARD_SIZE resources each, which the
browser fetches only when it shows or searches them.
"""

from __future__ import annotations

import json

from tip_site.core.model import Site
from tip_site.views.generated_file import GeneratedFile
from tip_site.views.library_cards import card_data
from tip_site.views.library_facets import facets
from tip_site.views.library_pages import INDEX_FILE
from tip_site.views.urls import attachment_uri

SHARD_SIZE = 250
MAX_FACET_VALUES = 31  # a JavaScript bit mask holds 31 values safely


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def library_data(site: Site) -> list[GeneratedFile]:
    facet_list = facets(site)
    for facet in facet_list:
        if len(facet.values) > MAX_FACET_VALUES:
            raise ValueError(f"the library can filter by at most {MAX_FACET_VALUES} values of '{facet.key}'")
    bits = [{v.id: 1 << i for i, v in enumerate(f.values)} for f in facet_list]
    masks: list[int] = []
    for resource in site.resources:
        for facet, bit in zip(facet_list, bits):
            masks.append(sum(bit[value_id] for value_id in facet.of(resource)))
    index = {
        "facets": {f.key: [v.id for v in f.values] for f in facet_list},
        "count": len(site.resources),
        "shardSize": SHARD_SIZE,
        "cards": "cards/{n}.json",  # relative to this file
        "masks": masks,
    }
    files = [GeneratedFile(INDEX_FILE, _json(index))]
    for start in range(0, len(site.resources), SHARD_SIZE):
        cards = [card_data(site, r) for r in site.resources[start : start + SHARD_SIZE]]
        files.append(GeneratedFile(f"library/cards/{start // SHARD_SIZE}.json", _json(cards)))
    return files


def attachment_files(site: Site) -> list[GeneratedFile]:
    """Every attached file, copied once to library/files/ even if several resources share it."""
    seen: dict[str, GeneratedFile] = {}
    for resource in site.resources:
        for attachment in resource.attachments:
            seen.setdefault(attachment.file, GeneratedFile(attachment_uri(attachment.file), source=attachment.source))
    return [seen[name] for name in sorted(seen)]
