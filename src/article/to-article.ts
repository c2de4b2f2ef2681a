// article: RawRecord → Article, every field validated and normalised, every problem reported at once.
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS, type ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic, Result, Severity } from '../diagnostics.ts';
import { parseFrenchDate } from '../records/french-date.ts';
import type { RawRecord } from '../records/raw-record.ts';
import { internalError } from '../_lib/internal-error.ts';
import { describeValue } from '../_lib/describe-value.ts';
import type { Article } from './article.ts';
import { cleanHtml } from './clean-html.ts';
import { deriveSummary, toPlainText } from './derive-summary.ts';
import { tagUri } from './identity.ts';
import { normalizeCategories } from './normalize-categories.ts';
import { readAuthors } from './read-authors.ts';
import { readUrl } from '../_lib/read-url.ts';
import { renderBody } from './render-body.ts';
import { slugify } from './slug.ts';
import { cleanXmlText } from './xml-text.ts';

/** The record keys Gazette reads, the same in every record format; any other key is a warning. */
export const KNOWN_FIELDS = [
  'title', 'date', 'updated', 'categories', 'author', 'summary', 'slug', 'id', 'link', 'image', 'draft',
] as const;

/**
 * Validates and normalises one record. Every problem becomes a diagnostic naming the file, line and
 * field; any error makes the value `undefined` (the record is skipped, the others still publish).
 * Drafts are validated in full but their body is not rendered.
 */
/** Options of {@link toArticle}. */
export interface ToArticleOptions {
  /**
   * Render the body (default true). False: `html` is empty and `summary` only the record's own — for a feeds-only
   * build, which renders the bodies of the articles its feeds show and no other.
   */
  readonly body?: boolean;
}

export function toArticle(record: RawRecord, config: ResolvedConfig, options: ToArticleOptions = {}): Result<Article | undefined> {
  if (typeof record !== 'object' || record === null || typeof record.fields !== 'object') {
    throw new TypeError('toArticle: record must be a RawRecord');
  }
  if (typeof config !== 'object' || config === null || typeof config.siteUrl !== 'string') {
    throw new TypeError('toArticle: config must be a ResolvedConfig');
  }
  try {
    return convert(record, config, options.body !== false);
  } catch (error) {
    // Bad content is reported as data below; an exception here is a bug of ours, and says so instead of
    // passing for a content error. It still costs only this record, never the build.
    return { value: undefined, diagnostics: [internalError(record.file, error)] };
  }
}

// --- internal ---

/** The body and summary as written, without line numbers (a key moved in the front matter is no correction). */
function hashSource(record: RawRecord): string {
  const body = record.body;
  const text = body.kind === 'markdown' ? body.text : body.kind === 'html' ? body.html : body.kind === 'blocks' ? body.blocks.map((b) => [b.kind, b.text]) : null;
  const summary = record.fields.summary?.value ?? null;
  return createHash('sha256').update(JSON.stringify([body.kind, text, typeof summary === 'string' ? summary : null]), 'utf8').digest('hex');
}

function convert(record: RawRecord, config: ResolvedConfig, withBody: boolean): Result<Article | undefined> {
  const limits = config.limits ?? DEFAULT_LIMITS;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, field: string, code: string, message: string): void => {
    // A field that is not there at all is reported at line 1, where the record (front matter, JSON object) opens.
    const line = record.fields[field]?.line ?? (record.fields[field] === undefined ? 1 : undefined);
    diagnostics.push({ severity, file: record.file, ...(line === undefined ? {} : { line }), field, code, message });
  };
  // null and blank text mean "not given" for every field: YAML writes `updated:` with nothing after it.
  const get = (field: string): unknown => {
    const value = record.fields[field]?.value;
    return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
  };
  const readText = (field: string): string | undefined => {
    const value = get(field);
    if (value === undefined) return undefined;
    // YAML reads an unquoted `title: 1984` as a number; its text is still what the editor meant.
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') return cleanXmlText(value.normalize('NFC')).replace(/[ \t\r\n]+/g, ' ').trim();
    report('error', field, 'wrong-type', `expected text, got ${describeValue(value)}`);
    return undefined;
  };

  for (const key of Object.keys(record.fields)) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(key)) {
      report('warning', key, 'unknown-key', `unknown key "${key}", ignored (known: ${KNOWN_FIELDS.join(', ')})`);
    }
  }

  const title = readText('title');
  if (title === undefined && get('title') === undefined) report('error', 'title', 'missing-field', 'required: the article title');
  if (title === '') report('error', 'title', 'missing-field', 'must not be empty');

  const readDate = (field: 'date' | 'updated'): Date | undefined => {
    const value = get(field);
    if (value === undefined) return undefined;
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value;
      report('error', field, 'date-impossible', 'is not a real date');
      return undefined;
    }
    if (typeof value === 'number') return readEpoch(value, (message) => report('error', field, 'wrong-type', message));
    if (typeof value !== 'string') {
      report('error', field, 'wrong-type', `expected a date such as "22 novembre 2024", got ${describeValue(value)}`);
      return undefined;
    }
    const result = parseFrenchDate(value, { timeZone: config.timeZone });
    if (!result.ok) {
      report('error', field, result.code, result.message);
      return undefined;
    }
    const mismatch = result.weekdayMismatch;
    if (mismatch) {
      report('warning', field, 'weekday-mismatch',
        `weekday "${mismatch.written}" does not match ${mismatch.date}, which is a ${mismatch.actual}`);
    }
    return result.date;
  };
  const date = readDate('date');
  if (get('date') === undefined) report('error', 'date', 'missing-field', 'required, e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"');
  let updated = readDate('updated');
  if (date && updated && updated.getTime() < date.getTime()) {
    report('warning', 'updated', 'updated-before-date',
      `${updated.toISOString()} is before the publication date ${date.toISOString()}; using the publication date`);
    updated = undefined;
  }

  const id = (readText('id') ?? record.relPath.normalize('NFC')).replace(/^\/+|\/+$/g, '');
  if (id === '') report('error', 'id', 'missing-field', 'the article has no id: set `id` or give the file a name');

  let slug = '';
  const writtenSlug = readText('slug');
  if (writtenSlug !== undefined) {
    slug = slugify(writtenSlug);
    if (slug === '') report('error', 'slug', 'slug-empty', `${JSON.stringify(writtenSlug)} has no letters or digits to make a URL slug`);
    else if (slug !== writtenSlug) report('warning', 'slug', 'slug-normalized', `${JSON.stringify(writtenSlug)} is not a URL slug; using "${slug}"`);
  } else if (title !== undefined) {
    // A title of only symbols or emoji folds to nothing: the id still names the article.
    slug = slugify(title) || slugify(id);
    if (slug === '') report('error', 'slug', 'slug-empty', 'neither the title nor the id give a URL slug; set `slug`');
  }

  const readUrlField = (field: 'link' | 'image', warnRelative: boolean): string | undefined => {
    const value = get(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      report('error', field, 'wrong-type', `expected a URL, got ${describeValue(value)}`);
      return undefined;
    }
    const reading = readUrl(value, config.siteUrl);
    if (!reading.ok) {
      report('error', field, `${field}-invalid`, reading.message);
      return undefined;
    }
    if (reading.relative && warnRelative) {
      report('warning', field, `${field}-relative`, `${JSON.stringify(value.trim())} is relative; using ${reading.url}`);
    }
    return reading.url;
  };
  const link = readUrlField('link', true) ?? (slug ? `${config.siteUrl}/articles/${slug}/` : config.siteUrl);
  const image = readUrlField('image', false);

  const draft = readDraft(get('draft'), (severity, code, message) => report(severity, 'draft', code, message));
  const authors = readAuthors(get('author'), config.siteUrl, (severity, code, message) => report(severity, 'author', code, message));

  const names = readCategoryNames(get('categories'), (message) => report('error', 'categories', 'wrong-type', message));
  const { categories, dropped } = normalizeCategories(names, config);
  for (const name of dropped.slice(0, MAX_REPORTED)) {
    report('warning', 'categories', 'category-empty', `${JSON.stringify(name)} has no letters or digits to make a slug; dropped`);
  }
  if (categories.length > limits.categoriesPerRecord) {
    report('error', 'categories', 'too-many-categories',
      `${categories.length} categories; the limit is ${limits.categoriesPerRecord} (limits.categoriesPerRecord)`);
  }

  const writtenSummary = readText('summary');

  if (diagnostics.some((d) => d.severity === 'error') || title === undefined || date === undefined) {
    return { value: undefined, diagnostics };
  }

  // Rendering Markdown costs ~0.3 ms an article: drafts never reach a feed, so theirs is skipped.
  const html = draft || !withBody ? '' : cleanHtml(renderBody(record.body), link);
  const summary = (writtenSummary !== undefined ? toPlainText(writtenSummary) : '') || deriveSummary(html);

  const article: Article = {
    id,
    guid: tagUri(config, id),
    slug,
    title,
    link,
    date,
    updated: updated ?? date,
    categories,
    authors,
    summary,
    html,
    image,
    draft,
    file: record.file,
    sourceHash: hashSource(record),
    idFromRecord: get('id') !== undefined,
    updatedFromRecord: updated !== undefined,
  };
  return { value: article, diagnostics };
}

/** At most this many `category-empty` warnings per record: a record of 5,000 emoji categories is one error, not 5,000 lines. */
const MAX_REPORTED = 5;

/** A number is an epoch: milliseconds from 1e11 up (after 1973), seconds from 1e8 (after 1973) below that. */
function readEpoch(value: number, fail: (message: string) => void): Date | undefined {
  const ms = Math.abs(value) >= 1e11 ? value : Math.abs(value) >= 1e8 ? value * 1000 : Number.NaN;
  const date = new Date(ms);
  if (Number.isFinite(value) && !Number.isNaN(date.getTime())) return date;
  fail(`expected a date such as "22 novembre 2024", got ${describeValue(value)}`);
  return undefined;
}

function readDraft(value: unknown, report: (severity: Severity, code: string, message: string) => void): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && ['true', 'false', 'oui', 'non', 'yes', 'no'].includes(text)) {
    const draft = ['true', 'oui', 'yes'].includes(text);
    report('warning', 'draft-text', `expected true or false, got ${JSON.stringify(value)}; read as ${String(draft)}`);
    return draft;
  }
  report('error', 'wrong-type', `expected true or false, got ${describeValue(value)}`);
  return false;
}

/** `categories` as a list, or one string (split on `,` `;` `|` `·`, as editors type a list on one line). */
function readCategoryNames(value: unknown, fail: (message: string) => void): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.split(/[,;|·]/);
  if (!Array.isArray(value)) {
    fail(`expected a list of names or one name, got ${describeValue(value)}`);
    return [];
  }
  const names: string[] = [];
  value.forEach((entry: unknown, index) => {
    if (typeof entry === 'string') names.push(entry);
    else if (typeof entry === 'number' && Number.isFinite(entry)) names.push(String(entry));
    else if (entry !== null) fail(`entry ${index + 1}: expected a name, got ${describeValue(entry)}`);
  });
  return names;
}
