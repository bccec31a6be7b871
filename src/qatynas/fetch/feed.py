"""The article links of an RSS 2.0 or Atom feed, in the feed's order, without duplicates."""

from __future__ import annotations

import xml.etree.ElementTree as ET

_ATOM = "{http://www.w3.org/2005/Atom}"


class FeedError(ValueError):
    """A reply that is not a feed we can read."""


def links(xml: bytes) -> list[str]:
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise FeedError(f"not a feed: {exc}") from None
    found: list[str] = []
    for item in root.iter("item"):  # RSS 2.0
        link = item.findtext("link") or ""
        if not link.strip():
            guid = item.find("guid")
            if guid is not None and guid.get("isPermaLink", "true") == "true":
                link = guid.text or ""
        found.append(link.strip())
    for entry in root.iter(f"{_ATOM}entry"):
        alternates = [
            a.get("href", "")
            for a in entry.iter(f"{_ATOM}link")
            if a.get("rel", "alternate") == "alternate"
        ]
        found.append(alternates[0].strip() if alternates else "")
    if root.tag not in {"rss", f"{_ATOM}feed"} and not found:
        raise FeedError(f"not a feed: root element <{root.tag}>")
    return list(dict.fromkeys(link for link in found if link))
