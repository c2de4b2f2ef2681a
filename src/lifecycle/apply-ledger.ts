// lifecycle: Article[] + Ledger → the articles readers already know (kept ids and guids, moved `updated`), the new
// ledger, the redirects from former page paths, and what changed. Pure: no clock, no files.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { articlePath } from '../_lib/site-paths.ts';
import { contentHash } from './content-hash.ts';
import { LEDGER_FILE, ledgerInstant, type Ledger, type LedgerEntry } from './ledger.ts';

/** One former page path that now answers 301 to the article's current page. */
export interface Redirect {
  /** Former path below the site root, e.g. `/articles/ancien-titre/`. */
  readonly from: string;
  /** Current path below the site root, e.g. `/articles/nouveau-titre/`. */
  readonly to: string;
}

/** Input of {@link applyLedger}. */
export interface ApplyLedgerInput {
  /** Articles of this build, after duplicate ids and slugs were rejected and scheduled ones set aside; drafts pass through. */
  readonly articles: readonly Article[];
  /** The ledger as read (`readLedger`); the empty ledger when there is none. */
  readonly ledger: Ledger;
  /** Instant of this build: what a new article's first publication and a correction's `updated` become. */
  readonly now: Date;
  /** True when Gazette serves article pages (config `pages`): only then are page paths recorded and redirected. */
  readonly pages: boolean;
  /** The ledger's path as messages show it; default `.published.json`. */
  readonly file?: string;
  /** The site's address, left out of content hashes (see contentHash). */
  readonly siteUrl?: string;
}

/** Output of {@link applyLedger}. */
export interface ApplyLedgerResult {
  /** The input articles in the same order: ids and guids readers hold, `updated` moved by corrections. */
  readonly articles: Article[];
  /** The ledger to write back (`writeLedger`); equal bytes when nothing changed. */
  readonly ledger: Ledger;
  /** Former page paths → current ones, sorted by `from`; never a path a current article lives at. */
  readonly redirects: Redirect[];
  /** Warnings: a page that moved, an article no longer published, an id kept for a moved file. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Applies the publication ledger to one build's articles.
 * - A record without its own `id` whose id is new, and whose content hash is that of a ledger article with no
 *   current record (a moved or renamed file), keeps that article's id and guid; the new path is remembered as an
 *   alias so later edits keep it too.
 * - An article whose content hash differs from the ledger's gets `updated` = `now` (kept in the ledger, so a
 *   rebuild gives the same instant), unless the record sets `updated`. `date` never moves.
 * - A known id keeps the guid it was published with.
 * - Every former page path redirects to the current one.
 * Deleting the ledger loses only this history: every current article is still published.
 */
export function applyLedger(input: ApplyLedgerInput): ApplyLedgerResult {
  const { articles, ledger, pages } = input;
  if (!Array.isArray(articles)) throw new TypeError('applyLedger: articles must be an array of Article');
  if (!(ledger instanceof Map)) throw new TypeError('applyLedger: ledger must be a Ledger (a Map)');
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) throw new TypeError('applyLedger: now must be a valid Date');
  const now = ledgerInstant(input.now);
  const ledgerFile = input.file ?? LEDGER_FILE;
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, LedgerEntry>(ledger);

  const published = articles.filter((a) => !a.draft);
  // contentHash remembers each article's hash: asking again is a lookup, so no map of them is built here.
  const hashOf = (article: Article): string => contentHash(article, input.siteUrl);
  const keys = assignKeys(published, entries, hashOf, diagnostics);

  const byArticle = new Map<Article, Article>();
  const claimed = new Set<string>();
  for (const article of published) {
    const key = keyOf(keys, article);
    claimed.add(key);
    const hash = hashOf(article);
    const page = pages ? articlePath(article.slug) : undefined;
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, { id: key, guid: article.guid, published: now, hash, place: placeOf(article), paths: page ? [page] : [], aliases: [] });
      byArticle.set(article, article);
      continue;
    }
    const changed = entry.hash !== hash;
    const lastChange = changed ? now : entry.updated;
    const paths = page ? moveToEnd(entry.paths, page) : entry.paths;
    const former = entry.paths.at(-1);
    if (page && former !== undefined && former !== page) {
      diagnostics.push({
        severity: 'warning',
        file: article.file,
        field: 'slug',
        code: 'url-changed',
        message: `the page moved from ${former} to ${page}; the old address redirects there (set "slug" to keep a URL)`,
      });
    }
    const aliases = key === article.id || entry.aliases.includes(article.id) ? entry.aliases : [...entry.aliases, article.id].sort();
    // A new date or new categories move it between lists; the lists it left change now (see document-times.ts). An
    // entry of an older ledger has no place yet: it gets one, with no move (nothing tells what it was).
    const place = placeOf(article);
    const moved = entry.place !== undefined && entry.place !== place ? now : entry.moved;
    const same = !changed && paths === entry.paths && aliases === entry.aliases && entry.removed === undefined && entry.place === place;
    // Published again after a removal: the feeds it returns to change now.
    const restored = entry.removed === undefined ? entry.restored : now;
    if (!same) entries.set(key, { ...entry, updated: lastChange, removed: undefined, restored, moved, hash, place, paths, aliases });
    // article.updated already holds the latest of the record's `updated` and its correction notes (article/
    // read-corrections.ts latestUpdate): the ledger's content change only ever moves it later.
    const updated = article.updatedFromRecord || lastChange === undefined || lastChange <= article.updated ? article.updated : lastChange;
    // The same object when nothing moved, so caches keyed on an article stay warm across rebuilds.
    const kept = key === article.id && entry.guid === article.guid && updated.getTime() === article.updated.getTime();
    byArticle.set(article, kept ? article : { ...article, id: key, guid: entry.guid, updated });
  }

  const draftIds = new Set(articles.filter((a) => a.draft).map((a) => a.id));
  const gone: LedgerEntry[] = [];
  for (const entry of entries.values()) if (!claimed.has(entry.id) && !entry.removed) gone.push(entry);
  for (const entry of gone.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    entries.set(entry.id, { ...entry, removed: now });
    const where = entry.paths.at(-1) ? ` (${entry.paths.at(-1)})` : '';
    diagnostics.push({
      severity: 'warning',
      file: ledgerFile,
      field: entry.id,
      code: 'article-removed',
      message: draftIds.has(entry.id)
        ? `the published article "${entry.id}"${where} is a draft again: it leaves every feed and page`
        : `the published article "${entry.id}"${where} is no longer in the records: it leaves every feed and page` +
          ' (a file moved and edited at once gets a new guid unless its record sets id: ' +
          JSON.stringify(entry.id) +
          ')',
    });
  }

  return {
    articles: articles.map((a) => byArticle.get(a) ?? a),
    ledger: entries,
    redirects: pages ? collectRedirects(() => published.map((a) => byArticle.get(a)!), entries, diagnostics) : [],
    diagnostics,
  };
}

// --- internal ---

const places = new WeakMap<Article, string>();

/** Where lists show an article: its date and category slugs, digested (the content hash leaves the date out). */
function placeOf(article: Article): string {
  let place = places.get(article);
  if (place === undefined) {
    const key = JSON.stringify([article.date.getTime(), article.categories.map((c) => c.slug)]);
    place = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
    places.set(article, place);
  }
  return place;
}

/** The ledger id of an article: `keys` holds those of the articles whose id is not their own or was not known. */
function keyOf(keys: ReadonlyMap<Article, string>, article: Article): string {
  return keys.get(article) ?? article.id;
}

/**
 * The ledger id of each published article (an article missing from the map keeps its own id, see keyOf): its own
 * id when the record sets it or the ledger knows it, else the id
 * whose alias it is, else the id of the one unclaimed ledger article with the same content (a moved file), else
 * its own (a new article).
 */
function assignKeys(
  published: readonly Article[],
  entries: ReadonlyMap<string, LedgerEntry>,
  hashOf: (article: Article) => string,
  diagnostics: Diagnostic[],
): Map<Article, string> {
  const keys = new Map<Article, string>();
  const direct = new Set<string>();
  for (const a of published) if (a.idFromRecord || entries.has(a.id)) direct.add(a.id);
  // An article whose id is known keeps it: it gets no map entry (see keyOf). The aliases and the claimed ids are
  // looked at only for the others, usually none.
  let aliasOwner: Map<string, string> | undefined;
  let claimed = new Set<string>();
  const pending: Article[] = [];
  for (const article of published) {
    if (direct.has(article.id)) continue;
    if (aliasOwner === undefined) {
      aliasOwner = new Map();
      for (const entry of entries.values()) for (const alias of entry.aliases) aliasOwner.set(alias, entry.id);
      claimed = new Set(direct);
    }
    const owner = aliasOwner.get(article.id);
    if (owner !== undefined && !claimed.has(owner)) {
      keys.set(article, owner);
      claimed.add(owner);
      continue;
    }
    pending.push(article);
  }

  // Usually every article is known: then no ledger article needs looking at for an adoption.
  if (pending.length === 0) return keys;
  const orphansByHash = groupBy(
    [...entries.values()].filter((e) => !claimed.has(e.id)),
    (e) => e.hash,
  );
  const pendingByHash = groupBy(pending, hashOf);
  for (const article of pending) {
    const hash = hashOf(article);
    const orphans = orphansByHash.get(hash) ?? [];
    const twins = pendingByHash.get(hash) ?? [];
    if (orphans.length === 1 && twins.length === 1) {
      const adopted = orphans[0]!;
      keys.set(article, adopted.id);
      diagnostics.push({
        severity: 'warning',
        file: article.file,
        field: 'id',
        code: 'id-kept',
        message:
          `same content as the published article "${adopted.id}", whose record is gone: a moved file, so it keeps id ` +
          `"${adopted.id}" and its guid (write id: ${JSON.stringify(adopted.id)} in the record to make it explicit)`,
      });
    } else {
      if (orphans.length > 0) {
        diagnostics.push({
          severity: 'warning',
          file: article.file,
          field: 'id',
          code: 'id-ambiguous',
          message:
            `same content as ${orphans.length} published article(s) whose record is gone (${orphans.map((o) => `"${o.id}"`).join(', ')})` +
            ` and ${twins.length} new record(s): set "id" to the one it continues, or it is published as a new article`,
        });
      }
      keys.set(article, article.id);
    }
  }
  return keys;
}

/**
 * Each former path of a published article → its current path, unless a current article lives there. `articles`
 * gives the published articles; asked only when the ledger has a former path at all.
 */
function collectRedirects(articles: () => readonly Article[], entries: ReadonlyMap<string, LedgerEntry>, diagnostics: Diagnostic[]): Redirect[] {
  if (!hasFormerPath(entries)) return [];
  const published = articles();
  // Only articles with a former path redirect; sorted by id so a conflict always resolves the same way.
  const moved = published.filter((a) => (entries.get(a.id)?.paths.length ?? 0) > 1);
  if (moved.length === 0) return [];
  const live = new Set(published.map((a) => articlePath(a.slug)));
  const byFrom = new Map<string, { to: string; id: string }>();
  for (const article of moved.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const to = articlePath(article.slug);
    for (const from of entries.get(article.id)?.paths ?? []) {
      if (from === to || live.has(from)) continue;
      const taken = byFrom.get(from);
      if (taken) {
        diagnostics.push({
          severity: 'warning',
          file: article.file,
          field: 'slug',
          code: 'redirect-conflict',
          message: `${from} was the page of both "${taken.id}" and "${article.id}"; it redirects to ${taken.to}`,
        });
        continue;
      }
      byFrom.set(from, { to, id: article.id });
    }
  }
  return [...byFrom].map(([from, { to }]) => ({ from, to })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function hasFormerPath(entries: ReadonlyMap<string, LedgerEntry>): boolean {
  for (const entry of entries.values()) if (entry.paths.length > 1) return true;
  return false;
}

function moveToEnd(paths: readonly string[], current: string): readonly string[] {
  return paths.at(-1) === current ? paths : [...paths.filter((p) => p !== current), current];
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}
