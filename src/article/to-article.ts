// article: RawRecord → Article, every field validated and normalised, every problem reported at once.
import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Result, Severity } from '../diagnostics.ts';
import type { RawRecord } from '../records/raw-record.ts';
import { internalError } from '../_lib/internal-error.ts';
import { describeValue } from '../_lib/describe-value.ts';
import { createFieldReader, type FieldReader } from './_lib/field-reader.ts';
import { readDateValue } from './_lib/read-date.ts';
import { latestUpdate, readCorrections } from './read-corrections.ts';
import type { Article, Category } from './article.ts';
import { checkCategoryVocabulary } from './check-category-vocabulary.ts';
import { cleanHtml } from './clean-html.ts';
import { deriveSummary, toPlainText } from './derive-summary.ts';
import { tagUri } from './identity.ts';
import { normalizeCategories } from './normalize-categories.ts';
import { readAuthors } from './read-authors.ts';
import { readImage, type PublicFileSizes } from './read-image.ts';
import { readGenres } from './read-genres.ts';
import { readUrl } from '../_lib/read-url.ts';
import { articleUrl } from '../_lib/site-paths.ts';
import { renderBodyMarkup } from './render-body.ts';
import { cleanRenderedHtml } from './safe-markup.ts';
import { slugify } from './slug.ts';

/** The record keys Gazette reads, the same in every record format; any other key is a warning. */
export const KNOWN_FIELDS = [
  'title',
  'date',
  'updated',
  'categories',
  'author',
  'summary',
  'slug',
  'id',
  'link',
  'image',
  'draft',
  'corrections',
  'genres',
] as const;

/** A key of {@link KNOWN_FIELDS}: the only names the steps below may read. */
type KnownField = (typeof KNOWN_FIELDS)[number];
/** Options of {@link toArticle}. */
export interface ToArticleOptions {
  /**
   * Render the body (default true). False: `html` is empty and `summary` only the record's own — for a feeds-only
   * build, which renders the bodies of the articles its feeds show and no other.
   */
  readonly body?: boolean;
  /** Sizes of the static-assets files, listed once per build: the length of an image enclosure on the site. */
  readonly publicFileSizes?: PublicFileSizes;
}

/**
 * Validates and normalises one record. Every problem becomes a diagnostic naming the file, line and
 * field; any error makes the value `undefined` (the record is skipped, the others still publish).
 * Drafts are validated in full but their body is not rendered.
 */
export function toArticle(record: RawRecord, config: ResolvedConfig, options: ToArticleOptions = {}): Result<Article | undefined> {
  if (typeof record !== 'object' || record === null || typeof record.fields !== 'object') {
    throw new TypeError('toArticle: record must be a RawRecord');
  }
  if (typeof config !== 'object' || config === null || typeof config.siteUrl !== 'string') {
    throw new TypeError('toArticle: config must be a ResolvedConfig');
  }
  try {
    return convert(record, config, options.body !== false, options.publicFileSizes);
  } catch (error) {
    // Bad content is reported as data below; an exception here is a bug of ours, and says so instead of
    // passing for a content error. It still costs only this record, never the build.
    return { value: undefined, diagnostics: [internalError(record.file, error)] };
  }
}

// --- internal ---

/** The steps of {@link toArticle}, in the order their findings are reported; nothing here catches an exception. */
function convert(record: RawRecord, config: ResolvedConfig, withBody: boolean, sizes: PublicFileSizes | undefined): Result<Article | undefined> {
  const fields = createFieldReader<KnownField>(record);
  warnUnknownKeys(fields, Object.keys(record.fields));
  const title = readTitle(fields);
  const { date, updated } = readDates(fields, config.timeZone);
  const id = readId(fields, record.relPath);
  const slug = readSlug(fields, title, id);
  const link = readUrlField(fields, 'link', config.siteUrl) ?? (slug ? articleUrl(config.siteUrl, slug) : config.siteUrl);
  const image = readImage(fields.value('image'), config.siteUrl, fields.reporter('image'), sizes);
  const draft = readDraft(fields.value('draft'), fields.reporter('draft'));
  const authors = readAuthors(fields.value('author'), config.siteUrl, fields.reporter('author'));
  const categories = readCategories(fields, config);
  const writtenSummary = fields.text('summary');
  const corrections = readCorrections(record.fields.corrections, { date, timeZone: config.timeZone, report: fields.report });
  const genres = readGenres(fields.value('genres'), fields.reporter('genres'));

  const { diagnostics } = fields;
  if (fields.hasErrors() || title === undefined || date === undefined) return { value: undefined, diagnostics };

  // Rendering Markdown costs ~0.3 ms an article: drafts never reach a feed, so theirs is skipped.
  const html = draft || !withBody ? '' : bodyHtml(record, link);
  const summary = (writtenSummary !== undefined ? toPlainText(writtenSummary) : '') || deriveSummary(html);
  const article: Article = {
    id,
    guid: tagUri(config, id),
    slug,
    title,
    link,
    date,
    // The one place a correction note moves `updated`; the ledger moves it again on a later content change
    // (lifecycle/apply-ledger.ts), so a page or feed shows the latest of the three.
    updated: latestUpdate(updated ?? date, corrections),
    categories,
    authors,
    summary,
    html,
    image,
    corrections,
    draft,
    file: record.file,
    sourceHash: hashSource(record),
    idFromRecord: fields.value('id') !== undefined,
    updatedFromRecord: updated !== undefined,
    lines: fieldLines(record, ['date', 'image', 'author']),
    // Only when written: an article without genres stays the object (and the page key) it was.
    ...(genres.length > 0 ? { genres } : {}),
  };
  return { value: article, diagnostics };
}

/**
 * The body as safe HTML. The sanitiser runs only on HTML of the author's own: what marked or the dispatch renderer
 * wrote is safe by construction, and safe-markup.ts makes the same bytes of it (≈ 10× faster).
 */
function bodyHtml(record: RawRecord, link: string): string {
  const { html, authored } = renderBodyMarkup(record.body);
  return (authored ? undefined : cleanRenderedHtml(html, link)) ?? cleanHtml(html, link);
}

/** The lines of the fields that later checks (site/editor-warnings.ts, feed-set/group-authors.ts) name in their warnings. */
function fieldLines(record: RawRecord, names: readonly (keyof NonNullable<Article['lines']>)[]): NonNullable<Article['lines']> {
  return Object.fromEntries(names.flatMap((name) => (record.fields[name]?.line === undefined ? [] : [[name, record.fields[name].line]])));
}

/** One warning per key Gazette does not read, at its line. */
function warnUnknownKeys(fields: FieldReader<KnownField>, keys: readonly string[]): void {
  for (const key of keys) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(key)) {
      fields.report('warning', key, 'unknown-key', `unknown key "${key}", ignored (known: ${KNOWN_FIELDS.join(', ')})`);
    }
  }
}

/** `title`: required, and not empty once cleaned (a title of control characters only). */
function readTitle(fields: FieldReader<KnownField>): string | undefined {
  const title = fields.text('title');
  if (title === undefined && fields.value('title') === undefined) fields.report('error', 'title', 'missing-field', 'required: the article title');
  if (title === '') fields.report('error', 'title', 'missing-field', 'must not be empty');
  return title;
}

/** `date` (required) and `updated`; an `updated` before `date` is dropped with a warning. */
function readDates(fields: FieldReader<KnownField>, timeZone: string): { date: Date | undefined; updated: Date | undefined } {
  const date = readDate(fields, 'date', timeZone);
  if (fields.value('date') === undefined) fields.report('error', 'date', 'missing-field', 'required, e.g. "22 novembre 2024" or "2024-11-22T14:30:00+01:00"');
  const updated = readDate(fields, 'updated', timeZone);
  if (date && updated && updated.getTime() < date.getTime()) {
    fields.report(
      'warning',
      'updated',
      'updated-before-date',
      `${updated.toISOString()} is before the publication date ${date.toISOString()}; using the publication date`,
    );
    return { date, updated: undefined };
  }
  return { date, updated };
}

/** A date field (see read-date.ts). */
function readDate(fields: FieldReader<KnownField>, field: 'date' | 'updated', timeZone: string): Date | undefined {
  return readDateValue(fields.value(field), timeZone, fields.reporter(field));
}

/** `id`, else the file's path below the items folder; without leading or trailing slashes. */
function readId(fields: FieldReader<KnownField>, relPath: string): string {
  const id = (fields.text('id') ?? relPath.normalize('NFC')).replace(/^\/+|\/+$/g, '');
  if (id === '') fields.report('error', 'id', 'missing-field', 'the article has no id: set `id` or give the file a name');
  return id;
}

/** `slug`, folded to a URL slug (with a warning when that changes it), else the title's or the id's. */
function readSlug(fields: FieldReader<KnownField>, title: string | undefined, id: string): string {
  const written = fields.text('slug');
  if (written !== undefined) {
    const slug = slugify(written);
    if (slug === '') fields.report('error', 'slug', 'slug-empty', `${JSON.stringify(written)} has no letters or digits to make a URL slug`);
    else if (slug !== written) fields.report('warning', 'slug', 'slug-normalized', `${JSON.stringify(written)} is not a URL slug; using "${slug}"`);
    return slug;
  }
  if (title === undefined) return '';
  // A title of only symbols or emoji folds to nothing: the id still names the article.
  const slug = slugify(title) || slugify(id);
  if (slug === '') fields.report('error', 'slug', 'slug-empty', 'neither the title nor the id give a URL slug; set `slug`');
  return slug;
}

/** `link`: a safe http(s) URL, made absolute against the site (a relative `link` is a warning). */
function readUrlField(fields: FieldReader<KnownField>, field: 'link', siteUrl: string): string | undefined {
  const value = fields.value(field);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    fields.report('error', field, 'wrong-type', `expected a URL, got ${describeValue(value)}`);
    return undefined;
  }
  const reading = readUrl(value, siteUrl);
  if (!reading.ok) {
    fields.report('error', field, `${field}-invalid`, reading.message);
    return undefined;
  }
  if (reading.relative) {
    fields.report('warning', field, `${field}-relative`, `${JSON.stringify(value.trim())} is relative; using ${reading.url}`);
  }
  return reading.url;
}

/** `categories`, folded to one per slug: a name without a slug is dropped with a warning; too many is an error. */
function readCategories(fields: FieldReader<KnownField>, config: ResolvedConfig): Category[] {
  const limits = config.limits;
  const names = readCategoryNames(fields.value('categories'), (message) => fields.report('error', 'categories', 'wrong-type', message));
  const { categories, dropped } = normalizeCategories(names, config);
  for (const name of dropped.slice(0, MAX_REPORTED)) {
    fields.report('warning', 'categories', 'category-empty', `${JSON.stringify(name)} has no letters or digits to make a slug; dropped`);
  }
  for (const message of checkCategoryVocabulary(categories, config.categories).slice(0, MAX_REPORTED)) {
    fields.report('warning', 'categories', 'category-unknown', message);
  }
  if (categories.length > limits.categoriesPerRecord) {
    fields.report(
      'error',
      'categories',
      'too-many-categories',
      `${categories.length} categories; the limit is ${limits.categoriesPerRecord} (limits.categoriesPerRecord)`,
    );
  }
  return categories;
}

/** The body and summary as written, without line numbers (a key moved in the front matter is no correction). */
function hashSource(record: RawRecord): string {
  const body = record.body;
  const text =
    body.kind === 'markdown' ? body.text : body.kind === 'html' ? body.html : body.kind === 'blocks' ? body.blocks.map((b) => [b.kind, b.text]) : null;
  const summary = record.fields.summary?.value ?? null;
  return createHash('sha256')
    .update(JSON.stringify([body.kind, text, typeof summary === 'string' ? summary : null]), 'utf8')
    .digest('hex');
}

/** At most this many `category-empty` warnings per record: a record of 5,000 emoji categories is one error, not 5,000 lines. */
const MAX_REPORTED = 5;

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
