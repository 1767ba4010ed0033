"""The site generator of the Trauma Informed Partnership for LLR.

`tip_site.core` loads and validates content into typed objects; `tip_site.views`
turns those objects into pages, feeds and calendars; `tip_site.adapters` wires
both into MkDocs. Only the adapters import MkDocs.
"""
