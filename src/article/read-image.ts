// article: the record's `image` → ArticleImage. A URL (or a path on the site) alone, or an object
// `{ url, alt, caption, credit, width, height }` as newsrooms publish a photo (Media RSS `media:content`,
// `media:description`, `media:credit`: https://www.rssboard.org/media-rss).
import { describeValue } from '../_lib/describe-value.ts';
import { readUrl } from '../_lib/read-url.ts';
import type { ArticleImage } from './article.ts';
import type { FieldReport } from './_lib/field-reader.ts';
import { cleanXmlText } from './xml-text.ts';
import { siteUrlOf } from '../_lib/site-paths.ts';

/** The keys an `image` object may hold; `url` is required. */
export const IMAGE_KEYS = ['url', 'alt', 'caption', 'credit', 'width', 'height'] as const;

/**
 * Sizes in bytes of the site's static-assets files, by their path below the site (`images/une.jpg`), listed once
 * per build by the caller: reading the image never touches the disk.
 */
export type PublicFileSizes = ReadonlyMap<string, number>;

/**
 * Reads `image`. A bad or missing URL is an error (the record is skipped, as for any bad field); a bad `alt`,
 * `caption`, `credit`, `width` or `height` is a warning and that member is left out; no `alt` is a warning, since a
 * screen reader then announces the image by its file name or not at all (WCAG 2.2 SC 1.1.1).
 */
export function readImage(value: unknown, siteUrl: string, report: FieldReport, sizes?: PublicFileSizes): ArticleImage | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return finish({ url: value }, siteUrl, report, sizes);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report('error', 'wrong-type', `expected a URL or { url, alt, caption, credit, width, height }, got ${describeValue(value)}`);
    return undefined;
  }
  const written = value as Record<string, unknown>;
  for (const key of Object.keys(written)) {
    if (!(IMAGE_KEYS as readonly string[]).includes(key)) {
      report('warning', 'unknown-key', `unknown key "image.${key}", ignored (known: ${IMAGE_KEYS.join(', ')})`);
    }
  }
  if (typeof written.url !== 'string') {
    report('error', written.url === undefined ? 'missing-field' : 'wrong-type', `image.url: expected a URL, got ${describeValue(written.url)}`);
    return undefined;
  }
  return finish(written, siteUrl, report, sizes);
}

// --- internal ---

function finish(written: Record<string, unknown>, siteUrl: string, report: FieldReport, sizes: PublicFileSizes | undefined): ArticleImage | undefined {
  const reading = readUrl(written.url as string, siteUrl);
  if (!reading.ok) {
    report('error', 'image-invalid', reading.message);
    return undefined;
  }
  const alt = readText(written, 'alt', report);
  // An empty alt (`alt: ""`) is a deliberate choice for a decorative image (HTML §4.8.4.4.4): no warning then.
  if (alt === undefined && written.alt !== '') report('warning', 'image-alt-missing', 'the image has no `alt` text: write `image: { url, alt }`');
  return {
    url: reading.url,
    alt: alt ?? (written.alt === '' ? '' : undefined),
    caption: readText(written, 'caption', report),
    credit: readText(written, 'credit', report),
    width: readPixels(written, 'width', report),
    height: readPixels(written, 'height', report),
    length: sizes === undefined ? undefined : sizes.get(localPath(reading.url, siteUrl) ?? ''),
  };
}

/** One line of XML-safe NFC text, as every text field of a record is read; `undefined` when left out or blank. */
function readText(written: Record<string, unknown>, key: 'alt' | 'caption' | 'credit', report: FieldReport): string | undefined {
  const value = written[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    report('warning', 'wrong-type', `image.${key}: expected text, got ${describeValue(value)}; left out`);
    return undefined;
  }
  const text = cleanXmlText(value.normalize('NFC'))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/** A whole number of pixels above 0 (a digit string too: `width: "1200"` in a JSON record). */
function readPixels(written: Record<string, unknown>, key: 'width' | 'height', report: FieldReport): number | undefined {
  const value = written[key];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) return number;
  report('warning', 'wrong-type', `image.${key}: expected a whole number of pixels, got ${describeValue(value)}; left out`);
  return undefined;
}

/** The path below the site of a URL on the site (`images/une.jpg`), decoded; undefined for any other URL. */
function localPath(url: string, siteUrl: string): string | undefined {
  const prefix = siteUrlOf(siteUrl, '/');
  if (!url.startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length);
  if (/[?#]/.test(rest)) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}
