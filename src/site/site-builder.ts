// site: items folder + config → every document of the site, rebuilt incrementally.
//
// A builder keeps what its last build made: per record file, its stat key, parsed record and article; per document,
// what it was rendered from. The next build re-reads only files whose size or times changed, validates only those
// records, and re-renders only documents whose inputs changed — compared by object identity, since an unchanged
// record yields the very same Article object. An unchanged document is the very same RenderedDocument object, so
// the layers after it (lint, encoding, the live snapshot, the static writer) can skip it by identity too.
import path from 'node:path';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { findAuthorSpellings } from '../feed-set/group-authors.ts';
import { LEDGER_FILE } from '../lifecycle/ledger.ts';
import type { PlanOptions } from '../render/plan-site.ts';
import { newsWindow } from '../render/sitemap-news.ts';
import { findEditorWarnings, listPublicNames } from './editor-warnings.ts';
import { createLintGate, gateFeeds, type LintGate } from './lint-gate.ts';
import { createLifeCycle, decideRecords } from './publication.ts';
import { checkPublicRobots } from './public-robots.ts';
import { stamp } from './held-article.ts';
import { createRecordCache, KEPT_BYTES_BUDGET } from './record-cache.ts';
import { createRecordListing } from './record-listing.ts';
import { createRenderCache } from './render-cache.ts';
import type { BuildHint, SiteBuild, SiteBuilder, SiteBuilderOptions } from './site-build.ts';

export { LazyPageError, type BuildHint, type LazyDocument, type SiteBuild, type SiteBuilder, type SiteBuilderOptions } from './site-build.ts';

/** Creates a builder; the first build is a cold one, later ones reuse what did not change. */
export function createSiteBuilder(config: ResolvedConfig, options: SiteBuilderOptions = {}): SiteBuilder {
  if (!config || typeof config.siteUrl !== 'string') throw new TypeError('createSiteBuilder: config must be a ResolvedConfig');
  const { pages, keepLastGood, listing, records, life, renderCache } = partsOf(config, options);
  const clock = options.now ?? Date.now;
  const newGate = (): LintGate => {
    const gate = createLintGate({ readRecord: records.readRecord });
    return options.documentStore ? options.documentStore.gate(gate) : gate;
  };
  let gate = newGate();
  let lastGood: ReadonlyMap<string, Article> = new Map();
  let running = false;

  const build = async (hint: BuildHint | undefined): Promise<SiteBuild> => {
    // public/ is listed while the records are read (a folder of 10,000 images takes 20–40 ms), for editor warnings.
    const publicNames = listPublicNames(config.publicDir);
    const listed = await listing.list(hint);
    const diagnostics: Diagnostic[] = stamp(listed.diagnostics, 'record');
    if (listed.value.length === 0 && listed.diagnostics.some((d) => d.code === 'items-dir-missing')) return { ...EMPTY_BUILD, diagnostics };
    // 1. Records and 2. Articles (record-cache.ts): re-read and validated only where a file changed.
    const entries = await records.read(listed.value);
    // 3. The life of an article (publication.ts): duplicates, the last good version, the schedule and the ledger.
    const decided = decideRecords(entries, keepLastGood ? lastGood : new Map());
    diagnostics.push(...decided.diagnostics);
    lastGood = decided.decision.lastGood;
    const now = new Date(clock());
    const lived = await life.apply(decided.decision.articles, now);
    diagnostics.push(...lived.diagnostics);
    // Warnings that depend on the clock and on public/ (one listing per build), for every valid record.
    diagnostics.push(...stamp(await findEditorWarnings(decided.valid, now, config, publicNames), 'record'));
    // 4. Feed set and documents (render-cache.ts): re-rendered only when what they show changed.
    // public/robots.txt replaces Gazette's (with a warning when it names no sitemap).
    const robots = pages ? await checkPublicRobots(config.publicDir, publicNames) : { present: false, diagnostics: [] };
    diagnostics.push(...robots.diagnostics);
    const planOptions: PlanOptions = { pages, now, times: life.times(), ...(robots.present ? { publicRobots: true } : {}) };
    const site = await renderCache.render(lived.published, listed.value, planOptions);
    // Two spellings of one author are one author page and feed: the editor is told which records spell it otherwise.
    diagnostics.push(...stamp(findAuthorSpellings(site.feedSet.articles), 'record'));
    // 5. Lint what changed (lint-gate.ts): no feed is ever published with a lint error.
    let withheld: readonly string[] = [];
    if (options.lint !== false) {
      const passed = await gateFeeds(gate, site.documents, site.feedPaths, site.gated);
      diagnostics.push(...passed.diagnostics);
      withheld = passed.withheld;
    } else {
      gate = newGate();
    }
    return {
      documents: site.documents,
      feedSet: site.feedSet,
      diagnostics,
      recordCount: listed.value.length,
      kept: decided.decision.kept,
      withheld,
      redirects: lived.redirects,
      scheduled: lived.scheduled,
      // The next scheduled article, or the next article to leave the news sitemap's window, whichever comes first.
      nextDue: soonest(lived.nextDue, pages ? newsWindow(site.feedSet.articles, now).expires : undefined),
      lazyPages: site.lazyPages,
    };
  };

  return {
    async build(hint) {
      if (running) throw new Error('createSiteBuilder: one build at a time');
      running = true;
      try {
        return await build(hint);
      } finally {
        running = false;
      }
    },
  };
}

/** The steps of a builder, each made from the options it needs. */
function partsOf(config: ResolvedConfig, options: SiteBuilderOptions) {
  const itemsDir = options.itemsDir ?? config.itemsDir;
  const pages = options.pages ?? config.pages;
  // Articles keep their rendered bodies only when pages are rendered in the build; otherwise see `lazyPages`.
  const bodies = pages && !(options.lazyPages ?? options.retainPages === false);
  const keepLastGood = options.keepLastGood === true;
  const listing = createRecordListing(itemsDir, options.displayDir);
  const records = createRecordCache({
    config,
    displayDir: options.displayDir ?? path.relative(process.cwd(), itemsDir),
    bodies,
    keptBudget: pages && !bodies ? (options.keptBytes ?? KEPT_BYTES_BUDGET) : 0,
    keepLastGood,
    sync: options.syncReads === true,
    sizes: options.publicFileSizes ? { publicFileSizes: options.publicFileSizes } : {},
    store: options.store,
    onProgress: options.onProgress,
  });
  const ledgerMode = options.ledger ?? 'off';
  const displayItems = options.displayDir ?? itemsDir;
  const life = createLifeCycle({
    config,
    itemsDir,
    ledgerFile: `${displayItems}/${LEDGER_FILE}`,
    displayItems,
    ledgerMode,
    future: options.future ?? false,
    pages,
  });
  // Kept documents carry their lint results: only for a build that lints.
  const documents = options.lint === false ? undefined : options.documentStore;
  const renderCache = createRenderCache({ config, bodies, records, documents });
  return { pages, keepLastGood, listing, records, life, renderCache };
}

/** The build of a missing items folder (its diagnostics aside). */
const EMPTY_BUILD: SiteBuild = {
  documents: new Map(),
  feedSet: undefined,
  diagnostics: [],
  recordCount: 0,
  kept: [],
  withheld: [],
  redirects: [],
  scheduled: [],
  nextDue: undefined,
  lazyPages: [],
};

function soonest(a: Date | undefined, b: Date | undefined): Date | undefined {
  return a === undefined || (b !== undefined && b.getTime() < a.getTime()) ? b : a;
}
