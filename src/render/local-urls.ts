// render: an article body's URLs on the site's origin → root-relative, as a page writes the site's own URLs.
//
// article/clean-html.ts makes every href, src and srcset absolute (feeds need that: RSS Advisory Board, Atom
// RFC 4287 §7 leave relative URLs to readers that often ignore xml:base). A page shows the same body on the site
// itself, where `https://www.example.org/photos/a.jpg` is broken in a preview on another host: there it is written
// `/photos/a.jpg`. The body is sanitize-html output, where `<` and `>` inside text and attribute values are always
// escaped, so a tag is exactly `<name …>` up to the next `>`, and attribute values are double-quoted.
import { pageUrlOf } from '../_lib/site-paths.ts';

/** `html` (sanitised body HTML) with the href, src and srcset URLs of `<a>` and `<img>` on siteUrl's origin root-relative. */
export function localizeUrls(html: string, siteUrl: string): string {
  if (!html.includes('://')) return html;
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (_whole, space: string, name: string, value: string) => {
      const local = name.toLowerCase() === 'srcset' ? localizeSrcset(value, siteUrl) : pageUrlOf(value, siteUrl);
      return `${space}${name}="${local}"`;
    }),
  );
}

// --- internal ---

/** An `<a>` or `<img>` start tag. */
const TAG = /<(?:a|img)\s[^>]*>/gi;

/** A URL attribute with its double-quoted value. */
const URL_ATTRIBUTE = /(\s)(href|src|srcset)="([^"]*)"/gi;

/** HTML §4.8.4.3: srcset is a comma-separated list of "URL [descriptor]" candidates; each URL is localized. */
function localizeSrcset(srcset: string, siteUrl: string): string {
  return srcset.replace(/(^|,)(\s*)([^\s,]+)/g, (_whole, comma: string, space: string, url: string) => `${comma}${space}${pageUrlOf(url, siteUrl)}`);
}
