"""Pure content core: loading, validation and the data model. No MkDocs here."""

from tip_site.core.model import Site
from tip_site.core.problems import Problem, SiteInvalid
from tip_site.core.site import load_site

__all__ = ["Problem", "Site", "SiteInvalid", "load_site"]
