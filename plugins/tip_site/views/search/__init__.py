"""What the site search knows of the content model: each page's keywords and the filters it falls under.

The index itself (`tip_site.search`) knows nothing of resources or groups; these
views turn the loaded `Site` into the plain values it takes.
"""
