// site: step 3 of a build — what is published of the records read: duplicates rejected, the last good version kept
// where an edit broke a record (publish-decision.ts), then the life of an article (schedule, the ledger).
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { applyLifecycle } from '../lifecycle/apply-lifecycle.ts';
import type { Redirect } from '../lifecycle/apply-ledger.ts';
import { documentTimes, type DocumentTimes } from '../lifecycle/document-times.ts';
import type { Ledger } from '../lifecycle/ledger.ts';
import { saveLedger } from '../lifecycle/ledger-access.ts';
import { openLedgerStore } from '../lifecycle/ledger-store.ts';
import { splitScheduled, type ScheduledArticle } from '../lifecycle/schedule.ts';
import { decidePublication, type PublicationDecision, type RecordOutcome } from './publish-decision.ts';
import { stamp } from './held-article.ts';
import type { FileEntry } from './record-cache.ts';

/** What {@link decideRecords} makes of a build's entries. */
export interface RecordsDecision {
  /** The records' own diagnostics (in file order), then duplicates, then one warning per kept file. */
  readonly diagnostics: readonly Diagnostic[];
  readonly decision: PublicationDecision;
  /** Every valid article, duplicates included (the editor warnings look at them all). */
  readonly valid: readonly Article[];
}

/**
 * The entries of a build (in file order) → what to publish. `lastGood` is the previous decision's (a live site) or
 * empty (`gazette build`: an invalid record is simply not published).
 */
export function decideRecords(entries: readonly FileEntry[], lastGood: ReadonlyMap<string, Article>): RecordsDecision {
  const diagnostics: Diagnostic[] = [];
  const outcomes: RecordOutcome[] = [];
  const candidates: { entry: FileEntry; article: Article | undefined }[] = [];
  for (const entry of entries) {
    if (entry.recordDiagnostics.length > 0) diagnostics.push(...entry.recordDiagnostics);
    if (!entry.article) {
      outcomes.push({ file: entry.file, article: undefined, failed: true });
      continue;
    }
    if (entry.article.diagnostics.length > 0) diagnostics.push(...entry.article.diagnostics);
    candidates.push({ entry, article: entry.article.value });
  }
  const duplicates = findDuplicates(candidates.map((c) => c.article));
  diagnostics.push(...stamp(duplicates.diagnostics, 'record'));
  for (const { entry, article } of candidates) {
    const failed = article === undefined || duplicates.rejected.has(article);
    outcomes.push({ file: entry.file, article: failed ? undefined : article, failed });
  }
  // Listed order is file order; the decision keeps it, and the feed set sorts by date anyway.
  const decision = decidePublication(outcomes, lastGood);
  for (const file of decision.kept) {
    diagnostics.push({
      severity: 'warning',
      file,
      code: 'kept-last-good',
      source: 'record',
      message: 'has an error: its last good version stays published until it is fixed',
    });
  }
  return { diagnostics, decision, valid: candidates.flatMap((c) => (c.article ? [c.article] : [])) };
}

/** Two articles may not share an id (hence a guid) or a slug (hence a page): the later file is rejected. */
export function findDuplicates(articles: readonly (Article | undefined)[]): { rejected: Set<Article>; diagnostics: Diagnostic[] } {
  const byId = new Map<string, Article>();
  const bySlug = new Map<string, Article>();
  const rejected = new Set<Article>();
  const diagnostics: Diagnostic[] = [];
  const reject = (article: Article, field: string, message: string) => {
    rejected.add(article);
    diagnostics.push({ severity: 'error', file: article.file, line: 1, field, code: `duplicate-${field}`, message });
  };
  for (const article of articles) {
    if (article === undefined) continue;
    const sameId = byId.get(article.id);
    const sameSlug = article.draft ? undefined : bySlug.get(article.slug);
    if (sameId) {
      reject(article, 'id', `"${article.id}" is already the id of ${sameId.file}`);
      continue;
    }
    if (sameSlug) {
      reject(article, 'slug', `"${article.slug}" is already the slug of ${sameSlug.file}; set a distinct "slug"`);
      continue;
    }
    byId.set(article.id, article);
    if (!article.draft) bySlug.set(article.slug, article);
  }
  return { rejected, diagnostics };
}

/** Options of {@link createLifeCycle}. */
export interface LifeCycleOptions {
  readonly config: ResolvedConfig;
  readonly itemsDir: string;
  /** The ledger file as messages name it. */
  readonly ledgerFile: string;
  /** The items folder as messages name it (saveLedger). */
  readonly displayItems: string;
  readonly ledgerMode: 'update' | 'read' | 'off';
  readonly future: boolean;
  readonly pages: boolean;
}

/** What the life cycle publishes of the decided articles. */
export interface LifeStep {
  readonly published: readonly Article[];
  readonly redirects: readonly Redirect[];
  readonly scheduled: readonly ScheduledArticle[];
  readonly nextDue: Date | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The life of an article across builds: the ledger is read once, then kept (and saved in `update` mode). */
export interface LifeCycle {
  apply(articles: readonly Article[], now: Date): Promise<LifeStep>;
  /** Last-Modified of each document, moved by the ledger's times too (so that it moves whenever the bytes do). */
  times(): DocumentTimes;
}

export function createLifeCycle(options: LifeCycleOptions): LifeCycle {
  const { config, itemsDir, ledgerFile, ledgerMode, future, pages } = options;
  let ledger: Ledger | undefined;
  /** The ledger as the file said when first read (`read` mode never writes what a build adds to it). */
  let ledgerAsRead: Ledger | undefined;
  /** The compacted file and its journal: each build appends what it changed; the first compacts (see ledger-store.ts). */
  const store = openLedgerStore(itemsDir, ledgerFile);
  let saves = 0;
  return {
    async apply(articles, now) {
      // Scheduled articles wait for their date; the ledger keeps ids, guids and page paths readers hold, and moves
      // `updated` on a correction.
      if (ledgerMode === 'off') {
        const split = splitScheduled(articles, now, { future });
        return { published: future ? articles : split.published, redirects: [], scheduled: split.scheduled, nextDue: split.nextDue, diagnostics: [] };
      }
      const diagnostics: Diagnostic[] = [];
      if (ledger === undefined) {
        const read = await store.read();
        ledger = read.value;
        // Kept only where it is used: an `update` lifecycle holding it would keep a second map of every entry.
        if (ledgerMode === 'read') ledgerAsRead = read.value;
        diagnostics.push(...stamp(read.diagnostics, 'record'));
      }
      const life = applyLifecycle({ articles, ledger, now, future, pages, file: ledgerFile, siteUrl: config.siteUrl });
      diagnostics.push(...stamp(life.diagnostics, 'record'));
      ledger = life.ledger;
      // A folder that cannot take the ledger (read-only, full) costs its history, not the build: one warning. The
      // first save (a static build's only one, a live site's start) folds the journal into one tidy file.
      if (ledgerMode === 'update') {
        const compact = saves++ === 0;
        diagnostics.push(...stamp(await saveLedger(store, life.ledger, options.displayItems, { compact }), 'record'));
      }
      return { published: life.articles, redirects: life.redirects, scheduled: life.scheduled, nextDue: life.nextDue, diagnostics };
    },
    // A ledger that is only read (check, a reserved siteUrl) dates documents by the file as it stands: the times this
    // build would have recorded (now, for every new article) are kept nowhere, and would differ from run to run.
    times: () => documentTimes(ledgerMode === 'update' ? ledger : ledgerMode === 'read' ? ledgerAsRead : undefined),
  };
}
