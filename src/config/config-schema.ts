// config: defaults and validation; GazetteConfig (user-written) → ResolvedConfig (complete, checked).
import { readUrl } from '../_lib/read-url.ts';
import type { Author, CategorySettings, GazetteConfig } from './define-config.ts';
import { isAddrSpec, isLanguageTag } from '../_lib/value-syntax.ts';

export const DEFAULT_LANGUAGE = 'fr-FR';
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const DEFAULT_LIMIT = 50;
/** 1 MiB: readers and Google News cap feeds at 1–2 MB. */
export const DEFAULT_MAX_FEED_BYTES = 1_048_576;
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
  /** Largest feed document in bytes (render/feed-budget.ts). */
  readonly maxFeedBytes: number;
  readonly categories: Readonly<Record<string, Readonly<CategorySettings>>>;
  readonly tagDate: string;
  /** WebSub hubs (W3C WebSub §4), absolute http(s) URLs; empty when none is configured. */
  readonly hub: readonly string[];
  /** Absolute URL of the publisher's logo (JSON-LD `publisher.logo`), if set. */
  readonly logo: string | undefined;
  readonly itemsDir: string;
  readonly outDir: string;
  readonly cacheControl: string;
  /** False: `gazette build` and `serve` publish the feeds only, no HTML pages. */
  readonly pages: boolean;
  /** False: no publication ledger is read or written (`--no-ledger`). */
  readonly ledger: boolean;
  /** Folder of static assets copied into the output as they are (relative to the config file until loaded). */
  readonly publicDir: string;
  readonly limits: RecordLimits;
  /** The opt-in limit on full feed downloads per client (http/rate-limit.ts); undefined when off. */
  readonly rateLimit: RateLimitSettings | undefined;
  /** Read client addresses from `X-Forwarded-For` (the rate limit's default for its own `trustProxy`). */
  readonly trustProxy: boolean;
  /** The Google News sitemap's settings (render/sitemap-news.ts). */
  readonly newsSitemap: NewsSitemapSettings;
}

/** Settings of the Google News sitemap. */
export interface NewsSitemapSettings {
  /** `news:publication/news:name`: the publication's name as Google News knows it; default the config `title`. */
  readonly name: string;
}

/** Settings of the opt-in rate limit on full feed downloads. */
export interface RateLimitSettings {
  /** Full (200) downloads of one feed a client address may make per hour. */
  readonly fullResponsesPerHour: number;
  /** Read the client address from `X-Forwarded-For` instead of the socket. */
  readonly trustProxy: boolean;
}

/**
 * Checks a user config and fills in defaults.
 * Returns every problem at once, one line per field (`siteUrl: expected an absolute URL, got "example.com"`).
 */
export function resolveConfig(input: unknown): { config?: ResolvedConfig; problems: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: ['expected an object: export default defineConfig({ title, siteUrl, … })'] };
  }
  const written = input as Record<string, unknown>;
  const problems = Object.keys(written)
    .filter((key) => !Object.hasOwn(FIELDS, key))
    .map((key) => `${key}: unknown field (known: ${CONFIG_KEYS.join(', ')})`);

  const read: Partial<Record<ConfigKey, unknown>> = {};
  for (const key of CONFIG_KEYS) read[key] = FIELDS[key].read(written[key], problems, key);
  if (problems.length > 0) return { problems };

  // `title` is required: with no problem reported, it was read.
  const title = read.title as string;
  const resolved = CONFIG_KEYS.map((key) => [key, read[key] ?? FIELDS[key].default?.(title)] as const);
  // One entry per key of the table, whose keys the compiler checks against GazetteConfig and ResolvedConfig.
  const config = Object.fromEntries(resolved) as unknown as ResolvedConfig;
  // DESIGN.md names `trustProxy` beside `rateLimit`: the top-level key is the site's answer (is there a proxy in
  // front?); `rateLimit.trustProxy`, the first spelling, still wins where it is written.
  const rateLimit = written.rateLimit as { trustProxy?: unknown } | undefined;
  if (config.rateLimit && rateLimit?.trustProxy === undefined) {
    return { problems, config: { ...config, rateLimit: { ...config.rateLimit, trustProxy: config.trustProxy } } };
  }
  return { problems, config };
}

/** Resolves a config or throws a TypeError listing the problems: for tests and library callers. */
export function mustResolveConfig(input: GazetteConfig): ResolvedConfig {
  const { config, problems } = resolveConfig(input);
  if (!config) throw new TypeError(`invalid config:\n${problems.join('\n')}`);
  return config;
}

// --- internal ---

/** A key a site may write in `feed.config.ts`. */
type ConfigKey = keyof GazetteConfig;

/**
 * Reads the value written for `key` (`undefined` when left out): returns it checked and normalised, or `undefined`
 * when it is left out or wrong, after pushing one line per problem to `problems`. A reader made for one key names it
 * in its messages itself and may leave `key` out.
 */
type ReadField<T> = (value: unknown, problems: string[], key: string) => T | undefined;

/** How one key is read, and its value when left out. */
interface FieldSpec<T> {
  readonly read: ReadField<T>;
  /** The value of a key left out; gets the title, which some defaults repeat. None: the key is {@link required}. */
  readonly default?: (title: string) => T;
}

/**
 * Every key of GazetteConfig, in the order problems are reported and ResolvedConfig is written. The type makes the
 * compiler refuse a key missing from this table, one GazetteConfig does not declare, or a reader of the wrong type.
 */
const FIELDS: { readonly [K in ConfigKey]-?: FieldSpec<ResolvedConfig[K]> } = {
  title: { read: required(readText) },
  description: { read: readText, default: (title) => title },
  siteUrl: { read: required(readSiteUrl) },
  language: {
    read: textMatching(isLanguageTag, 'a BCP 47 tag such as "fr-FR"'),
    default: () => DEFAULT_LANGUAGE,
  },
  timeZone: { read: textMatching(isTimeZone, 'an IANA time zone such as "Europe/Paris"'), default: () => DEFAULT_TIME_ZONE },
  author: { read: checkAuthor, default: (title) => ({ name: title }) },
  copyright: { read: readText, default: (title) => `© ${title}` },
  limit: { read: readPositiveWholeNumber, default: () => DEFAULT_LIMIT },
  maxFeedBytes: { read: readPositiveWholeNumber, default: () => DEFAULT_MAX_FEED_BYTES },
  categories: { read: checkCategories, default: () => ({}) },
  tagDate: {
    read: textMatching((text) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text), 'YYYY, YYYY-MM or YYYY-MM-DD (RFC 4151)'),
    default: () => DEFAULT_TAG_DATE,
  },
  hub: { read: readHubs, default: () => [] },
  logo: { read: readUrlText, default: () => undefined },
  itemsDir: { read: readText, default: () => DEFAULT_ITEMS_DIR },
  outDir: { read: readText, default: () => DEFAULT_OUT_DIR },
  cacheControl: { read: readText, default: () => DEFAULT_CACHE_CONTROL },
  pages: { read: readBoolean, default: () => true },
  ledger: { read: readBoolean, default: () => true },
  publicDir: { read: readText, default: () => DEFAULT_PUBLIC_DIR },
  limits: { read: checkLimits, default: () => DEFAULT_LIMITS },
  rateLimit: { read: checkRateLimit, default: () => undefined },
  trustProxy: { read: readBoolean, default: () => false },
  newsSitemap: { read: checkNewsSitemap, default: (title) => ({ name: title }) },
};
// And the other way: ResolvedConfig has no key the table lacks, so resolveConfig fills every one of its fields.
FIELDS satisfies Record<keyof ResolvedConfig, unknown>;

/** The keys of {@link FIELDS}, in its order: the "known:" list of the unknown-field message. */
const CONFIG_KEYS = Object.keys(FIELDS) as ConfigKey[];

/** A key that must be written: left out (or null), it is the problem `key: required`. */
function required<T>(read: ReadField<T>): ReadField<T> {
  return (value, problems, key) => {
    if (value === undefined || value === null) {
      problems.push(`${key}: required`);
      return undefined;
    }
    return read(value, problems, key);
  };
}

/** A non-empty string, trimmed; null reads as left out. */
function readText(value: unknown, problems: string[], key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${key}: expected a non-empty string, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value.trim();
}

/** A text that must pass `isValid`, else `key: expected <expected>, got "…"`. */
function textMatching(isValid: (text: string) => boolean, expected: string): ReadField<string> {
  return (value, problems, key) => {
    const text = readText(value, problems, key);
    if (text === undefined || isValid(text)) return text;
    problems.push(`${key}: expected ${expected}, got ${JSON.stringify(text)}`);
    return undefined;
  };
}

/** An absolute http(s) URL without query or fragment. */
function readUrlText(value: unknown, problems: string[], key: string): string | undefined {
  return checkUrl(key, readText(value, problems, key), problems);
}

/** One hub URL or a list of them (W3C WebSub §4: a publisher may advertise several), each checked, duplicates dropped. */
function readHubs(value: unknown, problems: string[], key: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    const hub = readUrlText(value, problems, key);
    return hub === undefined ? undefined : [hub];
  }
  const before = problems.length;
  const hubs = value.map((item, index) => readUrlText(item, problems, `${key}[${index}]`));
  if (problems.length > before) return undefined;
  return [...new Set(hubs as string[])];
}

/** {@link readUrlText}, without a trailing slash: `https://example.org/news`. */
function readSiteUrl(value: unknown, problems: string[], key: string): string | undefined {
  return readUrlText(value, problems, key)?.replace(/\/+$/, '');
}

/** A whole number above 0. */
function readPositiveWholeNumber(value: unknown, problems: string[], key: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  problems.push(`${key}: expected a positive whole number, got ${JSON.stringify(value)}`);
  return undefined;
}

/** `true` or `false`, nothing else (not "non"). */
function readBoolean(value: unknown, problems: string[], key: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  problems.push(`${key}: expected true or false, got ${JSON.stringify(value)}`);
  return undefined;
}

/** `{ <slug>: { label?, description? } }`: slugs as keys, labels trimmed and NFC. */
function checkCategories(value: unknown, problems: string[]): Record<string, CategorySettings> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('categories: expected an object keyed by category slug, e.g. { societe: { label: "Société" } }');
    return undefined;
  }
  const categories: Record<string, CategorySettings> = {};
  for (const [slug, settings] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      problems.push(`categories.${slug}: keys are slugs (lower-case ASCII words joined by "-"), e.g. "societe"`);
      continue;
    }
    if (typeof settings !== 'object' || settings === null) {
      problems.push(`categories.${slug}: expected { label?, description? }`);
      continue;
    }
    const { label, description, ...rest } = settings as Record<string, unknown>;
    for (const k of Object.keys(rest)) problems.push(`categories.${slug}.${k}: unknown field (known: label, description)`);
    if (label !== undefined && (typeof label !== 'string' || label.trim() === '')) {
      problems.push(`categories.${slug}.label: expected a non-empty string`);
    }
    if (description !== undefined && typeof description !== 'string') problems.push(`categories.${slug}.description: expected a string`);
    categories[slug] = {
      ...(typeof label === 'string' && label.trim() ? { label: label.trim().normalize('NFC') } : {}),
      ...(typeof description === 'string' ? { description } : {}),
    };
  }
  return categories;
}

function checkUrl(key: string, value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  const reading = readUrl(value, undefined);
  if (!reading.ok) {
    const hint =
      reading.message.startsWith('expected an absolute URL') && /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value) ? ` (did you mean "https://${value}"?)` : '';
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

function checkLimits(value: unknown, problems: string[]): RecordLimits | undefined {
  if (value === undefined) return undefined;
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

function checkRateLimit(value: unknown, problems: string[]): RateLimitSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`rateLimit: expected { fullResponsesPerHour: 60 }, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const { fullResponsesPerHour, trustProxy, ...rest } = value as Record<string, unknown>;
  const before = problems.length;
  for (const k of Object.keys(rest)) problems.push(`rateLimit.${k}: unknown field (known: fullResponsesPerHour, trustProxy)`);
  if (fullResponsesPerHour === undefined) problems.push('rateLimit.fullResponsesPerHour: required, a positive whole number');
  else readPositiveWholeNumber(fullResponsesPerHour, problems, 'rateLimit.fullResponsesPerHour');
  readBoolean(trustProxy, problems, 'rateLimit.trustProxy');
  if (problems.length > before) return undefined;
  return { fullResponsesPerHour: fullResponsesPerHour as number, trustProxy: trustProxy === true };
}

/** `newsSitemap: { name }`; `{}` or a left-out name reads as left out, hence the default (the `title`). */
function checkNewsSitemap(value: unknown, problems: string[]): NewsSitemapSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`newsSitemap: expected { name: "Le Quotidien" }, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const { name, ...rest } = value as Record<string, unknown>;
  const before = problems.length;
  for (const k of Object.keys(rest)) problems.push(`newsSitemap.${k}: unknown field (known: name)`);
  const read = readText(name, problems, 'newsSitemap.name');
  if (problems.length > before) return undefined;
  return read === undefined ? undefined : { name: read };
}

function checkAuthor(value: unknown, problems: string[]): Author | undefined {
  if (value === undefined) return undefined;
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
    if (email !== undefined && (typeof email !== 'string' || email !== email.trim() || !isAddrSpec(email))) {
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
