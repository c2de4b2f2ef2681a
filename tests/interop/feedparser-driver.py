"""interop: fetch one feed (a URL or a file) with Python's Universal Feed Parser and print what it understood, as JSON."""
import calendar
import html
import json
import sys
from datetime import datetime, timezone

import feedparser


def iso(parsed):
    # feedparser gives UTC struct_time; timegm keeps it UTC (mktime would apply the local zone).
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def text_of(entry, key):
    # An Atom title of type="html" is HTML: a reader renders it, so compare what it displays.
    value = entry.get(key)
    detail = entry.get(key + '_detail') or {}
    if value is not None and detail.get('type') == 'text/html':
        return html.unescape(value)
    return value


def lead_image(e):
    # The reader matrix's lead image fields: the first enclosure, the first media:content and its media:credit.
    # feedparser has no separate caption: it reads media:description as the entry's own description (mediarss.py
    # _start_media_description), so caption stays None (READER_BLIND_SPOTS in readers.ts).
    enclosure = (e.get('enclosures') or [None])[0]
    content = (e.get('media_content') or [None])[0]
    credit = (e.get('media_credit') or [{}])[0].get('content')
    return {
        'enclosure': enclosure and {'url': enclosure.get('href'), 'type': enclosure.get('type'), 'length': enclosure.get('length')},
        'mediaContent': content and {k: content.get(k) for k in ('url', 'medium', 'type', 'width', 'height')},
        'caption': None,
        'credit': credit,
    }


def main(url):
    d = feedparser.parse(url)
    out = {
        'bozo': int(bool(d.get('bozo'))),
        'bozo_exception': str(d.get('bozo_exception')) if d.get('bozo') else None,
        'version': d.get('version'),
        'feed_title': d.feed.get('title'),
        'entries': [
            {
                'title': text_of(e, 'title'),
                'link': e.get('link'),
                'id': e.get('id'),
                'published_parsed': iso(e.get('published_parsed')),
                'updated_parsed': iso(e.get('updated_parsed')),
                'tags': [t.get('label') or t.get('term') for t in e.get('tags', [])],
                'author': (e.get('author_detail') or {}).get('name') or e.get('author'),
                'content': (e.get('content') or [{}])[0].get('value'),
                # The reader matrix's common shape (tests/interop/readers.ts).
                'published': iso(e.get('published_parsed')),
                'updated': iso(e.get('updated_parsed')),
                'categories': [t.get('label') or t.get('term') for t in e.get('tags', [])],
                'authors': [a.get('name') for a in e.get('authors', []) if a.get('name')],
                'summary': e.get('summary'),
                # Media RSS as feedparser exposes it (attributes of media:content; media:credit texts).
                'media_content': e.get('media_content') or [],
                'media_credit': [c.get('content') for c in e.get('media_credit') or []],
                'enclosures': [
                    {'href': x.get('href'), 'length': x.get('length'), 'type': x.get('type')} for x in e.get('enclosures', [])
                ],
                **lead_image(e),
            }
            for e in d.entries
        ],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main(sys.argv[1])
