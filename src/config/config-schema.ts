// config: defaults and validation; GazetteConfig (user-written) → ResolvedConfig (complete, checked).
import { readUrl } from '../_lib/read-url.ts';
import type { Author, CategorySettings, GazetteConfig } from './define-config.ts';

export const DEFAULT_LANGUAGE = 'fr-FR';
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const DEFAULT_LIMIT = 50;
export const DEFAULT_TAG_DATE = '2024-01-01';
export const DEFAULT_ITEMS_DIR = 'items';
export const DEFAULT_OUT_DIR = 'dist';
export const DEFAULT_CACHE_CONTROL = 'public, max-age=300';
export const DEFAULT_PUBLIC_DIR = 'public';

/** Per-record limits: a record over one is an error naming the file, line, field and the limit; the others publish. */
export interface RecordLimits {
  /** Largest record file, in bytes. */
  readonly recordBytes: number;
  /** Largest body (Markdown, HTML or dispatch text), in UTF-8 bytes. */
  readonly bodyBytes: number;
  /** Most distinct categories in one record. */
  readonly categoriesPerRecord: number;
  /** Most YAML alias (`*name`) expansions in one front matter value; stops alias bombs. */
  readonly yamlAliases: number;
  /** Deepest nesting of JSON or YAML values and of Markdown quotes and lists. */
  readonly nestingDepth: number;
}

export const DEFAULT_LIMITS: RecordLimits = Object.freeze({
  recordBytes: 2_000_000,
  bodyBytes: 1_000_000,
  categoriesPerRecord: 20,
  yamlAliases: 50,
  nestingDepth: 64,
});

/** The configuration every later stage reads: every field present and valid. */
export interface ResolvedConfig {
  readonly title: string;
  readonly description: string;
  /** Absolute, without a trailing slash: `https://example.org` or `https://example.org/news`. */
  readonly siteUrl: string;
  readonly language: string;
  readonly timeZone: string;
  readonly author: Readonly<Author>;
  readonly copyright: string;
  readonly limit: number;
  readonly categories: Readonly<Record<string, Readonly<CategorySettings>>>;
  readonly tagDate: string;
  readonly hub: string | undefined;
  readonly itemsDir: string;
  readonly outDir: string;
  readonly cacheControl: string;
  /** False: `gazette build` and `serve` publish the feeds only, no HTML pages. */
  readonly pages: boolean;
  /** Folder of static assets copied into the output as they are (relative to the config file until loaded). */
  readonly publicDir: string;
  readonly limits: RecordLimits;
}

const KNOWN_KEYS = new Set([
  'title', 'description', 'siteUrl', 'language', 'timeZone', 'author', 'copyright', 'limit',
  'categories', 'tagDate', 'hub', 'itemsDir', 'outDir', 'cacheControl', 'pages', 'publicDir', 'limits',
]);

/**
 * Checks a user config and fills in defaults.
 * Returns every problem at once, one line per field (`siteUrl: expected an absolute URL, got "example.com"`).
 */
export function resolveConfig(input: unknown): { config?: ResolvedConfig; problems: string[] } {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: ['expected an object: export default defineConfig({ title, siteUrl, … })'] };
  }
  const c = input as Record<string, unknown>;

  for (const key of Object.keys(c)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`${key}: unknown field (known: ${[...KNOWN_KEYS].join(', ')})`);
  }

  const str = (key: string, required = false): string | undefined => {
    const v = c[key];
    if (v === undefined || v === null) {
      if (required) problems.push(`${key}: required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(`${key}: expected a non-empty string, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v.trim();
  };

  const title = str('title', true);
  const description = str('description');
  const siteUrl = checkUrl('siteUrl', str('siteUrl', true), problems);
  const language = str('language') ?? DEFAULT_LANGUAGE;
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) {
    problems.push(`language: expected a BCP 47 tag such as "fr-FR", got ${JSON.stringify(language)}`);
  }
  const timeZone = str('timeZone') ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    problems.push(`timeZone: expected an IANA time zone such as "Europe/Paris", got ${JSON.stringify(timeZone)}`);
  }
  const author = checkAuthor(c.author, title, problems);
  const copyright = str('copyright');

  let limit = DEFAULT_LIMIT;
  if (c.limit !== undefined) {
    if (typeof c.limit === 'number' && Number.isInteger(c.limit) && c.limit > 0) limit = c.limit;
    else problems.push(`limit: expected a positive whole number, got ${JSON.stringify(c.limit)}`);
  }

  const categories: Record<string, CategorySettings> = {};
  if (c.categories !== undefined) {
    if (typeof c.categories !== 'object' || c.categories === null || Array.isArray(c.categories)) {
      problems.push('categories: expected an object keyed by category slug, e.g. { societe: { label: "Société" } }');
    } else {
      for (const [slug, settings] of Object.entries(c.categories as Record<string, unknown>)) {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
          problems.push(`categories.${slug}: keys are slugs (lower-case ASCII words joined by "-"), e.g. "societe"`);
          continue;
        }
        if (typeof settings !== 'object' || settings === null) {
          problems.push(`categories.${slug}: expected { label?, description? }`);
          continue;
        }
        const { label, description: desc, ...rest } = settings as Record<string, unknown>;
        for (const k of Object.keys(rest)) problems.push(`categories.${slug}.${k}: unknown field (known: label, description)`);
        if (label !== undefined && (typeof label !== 'string' || label.trim() === '')) {
          problems.push(`categories.${slug}.label: expected a non-empty string`);
        }
        if (desc !== undefined && typeof desc !== 'string') problems.push(`categories.${slug}.description: expected a string`);
        categories[slug] = {
          ...(typeof label === 'string' && label.trim() ? { label: label.trim().normalize('NFC') } : {}),
          ...(typeof desc === 'string' ? { description: desc } : {}),
        };
      }
    }
  }

  const tagDate = str('tagDate') ?? DEFAULT_TAG_DATE;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(tagDate)) {
    problems.push(`tagDate: expected YYYY, YYYY-MM or YYYY-MM-DD (RFC 4151), got ${JSON.stringify(tagDate)}`);
  }
  const hub = checkUrl('hub', str('hub'), problems);
  const itemsDir = str('itemsDir') ?? DEFAULT_ITEMS_DIR;
  const outDir = str('outDir') ?? DEFAULT_OUT_DIR;
  const cacheControl = str('cacheControl') ?? DEFAULT_CACHE_CONTROL;
  let pages = true;
  if (c.pages !== undefined) {
    if (typeof c.pages === 'boolean') pages = c.pages;
    else problems.push(`pages: expected true or false, got ${JSON.stringify(c.pages)}`);
  }
  const publicDir = str('publicDir') ?? DEFAULT_PUBLIC_DIR;
  const limits = checkLimits(c.limits, problems);

  if (problems.length > 0 || title === undefined || siteUrl === undefined || author === undefined) {
    return { problems };
  }
  return {
    problems,
    config: {
      title,
      description: description ?? title,
      siteUrl: siteUrl.replace(/\/+$/, ''),
      language,
      timeZone,
      author,
      copyright: copyright ?? `© ${title}`,
      limit,
      categories,
      tagDate,
      hub,
      itemsDir,
      outDir,
      cacheControl,
      pages,
      publicDir,
      limits,
    },
  };
}

/** Resolves a config or throws a TypeError listing the problems: for tests and library callers. */
export function mustResolveConfig(input: GazetteConfig): ResolvedConfig {
  const { config, problems } = resolveConfig(input);
  if (!config) throw new TypeError(`invalid config:\n${problems.join('\n')}`);
  return config;
}

// --- internal ---

function checkUrl(key: string, value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  const reading = readUrl(value, undefined);
  if (!reading.ok) {
    const hint = reading.message.startsWith('expected an absolute URL') && /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value)
      ? ` (did you mean "https://${value}"?)`
      : '';
    problems.push(`${key}: ${reading.message}${hint}`);
    return undefined;
  }
  const url = new URL(reading.url);
  if (url.search || url.hash) {
    problems.push(`${key}: must not have a query or fragment, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return url.href;
}

function checkLimits(value: unknown, problems: string[]): RecordLimits {
  if (value === undefined) return DEFAULT_LIMITS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`limits: expected an object such as { recordBytes: 2000000 }, got ${JSON.stringify(value)}`);
    return DEFAULT_LIMITS;
  }
  const known = Object.keys(DEFAULT_LIMITS) as (keyof RecordLimits)[];
  const limits: Record<keyof RecordLimits, number> = { ...DEFAULT_LIMITS };
  for (const [key, given] of Object.entries(value as Record<string, unknown>)) {
    if (!(known as string[]).includes(key)) {
      problems.push(`limits.${key}: unknown field (known: ${known.join(', ')})`);
    } else if (typeof given !== 'number' || !Number.isSafeInteger(given) || given < 1) {
      problems.push(`limits.${key}: expected a positive whole number, got ${JSON.stringify(given)}`);
    } else {
      limits[key as keyof RecordLimits] = given;
    }
  }
  return limits;
}

function checkAuthor(value: unknown, title: string | undefined, problems: string[]): Author | undefined {
  if (value === undefined) return { name: title ?? '' };
  if (typeof value === 'string' && value.trim()) return { name: value.trim() };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { name, email, url, ...rest } = value as Record<string, unknown>;
    let ok = true;
    for (const k of Object.keys(rest)) {
      problems.push(`author.${k}: unknown field (known: name, email, url)`);
      ok = false;
    }
    if (typeof name !== 'string' || !name.trim()) {
      problems.push('author.name: required, a non-empty string');
      ok = false;
    }
    if (email !== undefined && (typeof email !== 'string' || !/^[^\s@<>]+@[^\s@<>]+$/.test(email))) {
      problems.push(`author.email: expected an e-mail address, got ${JSON.stringify(email)}`);
      ok = false;
    }
    const checkedUrl = typeof url === 'string' ? checkUrl('author.url', url, problems) : undefined;
    if (url !== undefined && checkedUrl === undefined) {
      if (typeof url !== 'string') problems.push('author.url: expected an absolute URL');
      ok = false;
    }
    if (!ok) return undefined;
    return {
      name: (name as string).trim(),
      ...(email !== undefined ? { email: email as string } : {}),
      ...(checkedUrl !== undefined ? { url: checkedUrl } : {}),
    };
  }
  problems.push('author: expected a name or { name, email?, url? }');
  return undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
