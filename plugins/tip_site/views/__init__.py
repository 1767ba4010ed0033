"""Pure views of a `Site`: generated pages, listings, feeds and calendars. No MkDocs here."""
