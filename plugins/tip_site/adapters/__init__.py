"""MkDocs adapters: the only part of tip_site that imports MkDocs."""
