// article: a URL or path written in a record → an absolute http(s) URL, or why it cannot be one.

/** What {@link readUrl} made of a written URL. */
export type UrlReading =
  | { ok: true; url: string; relative: boolean }
  | { ok: false; message: string };

/**
 * Reads an absolute http(s) URL, or resolves a path (`/photos/a.jpg`, `photos/a.jpg`) against `siteUrl`.
 * Anything else (`javascript:`, `ftp:`, a bare `www.` host) is refused, so one bad link cannot reach a feed.
 */
export function readUrl(text: string, siteUrl: string): UrlReading {
  const value = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { ok: false, message: `${JSON.stringify(value)} is not a valid URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ok: false, message: `expected an http(s) URL, got ${JSON.stringify(value)}` };
    }
    return { ok: true, url: url.href, relative: false };
  }
  if (/^www\./i.test(value)) {
    return { ok: false, message: `${JSON.stringify(value)} has no scheme (did you mean "https://${value}"?)` };
  }
  try {
    // A path is relative to the site, whose URL may itself have a path (`https://example.org/news`).
    return { ok: true, url: new URL(value, `${siteUrl.replace(/\/+$/, '')}/`).href, relative: true };
  } catch {
    return { ok: false, message: `${JSON.stringify(value)} is not a valid URL or path` };
  }
}
