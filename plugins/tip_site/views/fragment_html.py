"""Serialising the inside of a wrapper element made by `lxml.html.fragment_fromstring(..., create_parent="div")`."""

from __future__ import annotations

import lxml.html


def inner_html(wrapper: lxml.html.HtmlElement) -> str:
    """The wrapper's text as it is, then its children as HTML: what joining
    `(wrapper.text or "")` and each child's `tostring` gives, in one serialisation.

    The wrapper must be the plain `<div>` lxml made (no attributes, no tail); its text
    is taken out of the tree first, since the serialiser would escape it.
    """
    text, wrapper.text = wrapper.text, None
    html = lxml.html.tostring(wrapper, encoding="unicode")
    wrapper.text = text
    return (text or "") + html[len("<div>") : -len("</div>")]
