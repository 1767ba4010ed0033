"""Site search that weighs nothing until a visitor uses it.

Pagefind indexes the built site into small static chunks (`index.py`); a
visitor's browser downloads the search code and only the chunks a query needs,
the first time they open search (`assets/`). Nothing comes from another host.
"""
