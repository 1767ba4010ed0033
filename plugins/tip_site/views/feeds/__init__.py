"""What subscribers follow: RSS and Atom feeds, iCalendar files, and the catalogue of both.

`catalogue` says which feeds and calendars exist; `items` turns content into
feed items and `content` makes their HTML fit to travel; `files` writes the
feeds with feedgen and `calendar` the calendars with icalendar; `stylesheet`
makes a feed opened in a browser readable.
"""
