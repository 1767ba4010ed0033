"""Site search that weighs nothing until a visitor uses it.

At build time `site_index.py` writes a static index in small chunks; in the
browser `assets/search.js` (loaded the first time a visitor opens search)
downloads only the chunks the words of a query need. Nothing comes from
another host, and it works from any static copy of the site.
"""
