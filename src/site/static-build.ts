// site: items folder + config → a static site on disk (`gazette build`): every document written as it is listed,
// feeds also as .gz/.br, unchanged files linked from the previous output, redirect pages for moved articles.
import { readPublicFileSizes } from '../publish/public-files.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { renderRedirectsFiles } from '../lifecycle/redirects-files.ts';
import { openStaticOutput, type StaticWriteReport } from '../publish/write-static.ts';
import { renderRedirectPage } from '../render/redirect-page.ts';
import { mapPool } from '../_lib/map-pool.ts';
import { createPagePool, pageFrameSet, pageOutcome } from './page-pool.ts';
import { resolveBuildSettings, type BuildSettings, type BuildSettingsInput } from './build-settings.ts';
import { defaultStoreDir } from './article-store.ts';
import { openBuildCaches } from './build-caches.ts';
import { createSiteBuilder, LazyPageError } from './site-builder.ts';
import { isFeedContentType } from '../_lib/feed-formats.ts';
import { basePathOf, siteUrlOf } from '../_lib/site-paths.ts';

/** Pages rendered at once: enough to overlap one page's file read with another's rendering. */
const PAGE_CONCURRENCY = 4;

/**
 * Options of {@link buildStaticSite}: the build settings (build-settings.ts; `ledger` defaults to `update`, `lazyPages`
 * to true, `cacheDir` to `node_modules/.cache/gazette` in the working directory), the output folder's, and the run's.
 */
export interface StaticBuildOptions extends Omit<BuildSettingsInput, 'cacheDir'> {
  /**
   * Folder of the persistent article cache, or `false` for none (default `node_modules/.cache/gazette` in the working
   * directory). A rebuild after an edit validates and renders only the records whose bytes changed.
   */
  readonly cacheDir?: string | false | undefined;
  /** Folder written (atomically); default `config.outDir`. */
  readonly outDir?: string | undefined;
  /** Replace an output folder that holds files Gazette did not write. */
  readonly clean?: boolean | undefined;
  /** Write into an existing folder that is not a previous Gazette output. */
  readonly force?: boolean | undefined;
  /** Another build writing outDir: wait for it (default true), or false to fail at once naming its pid. */
  readonly wait?: boolean | undefined;
  /** Called once when another build holds outDir and this one starts waiting for it. */
  readonly onWait?: ((pid: number) => void) | undefined;
  /** `best`: gzip 9 and brotli 11 instead of gzip 6 and brotli 5 (`gazette build --best`); see write-static.ts. */
  readonly compression?: 'standard' | 'best' | undefined;
  /** The build's clock (SOURCE_DATE_EPOCH, _lib/build-clock.ts): scheduling and the news sitemap's window. Default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** Read settled records with synchronous calls: only where nothing else shares the thread (site-builder.ts). */
  readonly syncReads?: boolean | undefined;
  /** Called as records are read and validated (`done` of `total`). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What {@link buildStaticSite} did. */
export interface StaticBuildResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly recordCount: number;
  readonly articleCount: number;
  /** Undefined when nothing could be read (the items folder is missing): nothing was written. */
  readonly report: StaticWriteReport | undefined;
  /** Articles waiting for their date: a static site needs a rebuild at or after each. */
  readonly scheduled: readonly { readonly file: string; readonly due: Date }[];
}

/** The settings `gazette build` builds with: `options`' own, else the static build's defaults (see StaticBuildOptions). */
export function staticBuildSettings(config: ResolvedConfig, options: StaticBuildOptions = {}): BuildSettings {
  const { cacheDir = defaultStoreDir(), ...rest } = options;
  return resolveBuildSettings({ ...rest, ...(cacheDir === false ? {} : { cacheDir }) }, config, { ledger: 'update', lazyPages: true });
}

/** Builds the site once and writes it. A feed with a lint error is not written (its error is in `diagnostics`). */
export async function buildStaticSite(config: ResolvedConfig, options: StaticBuildOptions = {}): Promise<StaticBuildResult> {
  const settings = staticBuildSettings(config, options);
  const pages = settings.pages ?? config.pages;
  // Records by bytes and stat key, eager documents by inputs (build-caches.ts); none without a cache folder.
  const caches = await openBuildCaches(settings.cacheDir ?? false, config, pages);
  const builder = createSiteBuilder(config, {
    ...settings,
    store: caches.store,
    documentStore: caches.documentStore,
    onProgress: options.onProgress,
    syncReads: options.syncReads,
    // Listed once per build: the article stage takes an image enclosure's length from it, without I/O of its own.
    publicFileSizes: await readPublicFileSizes(config.publicDir),
    now: options.now,
  });
  // The output folder is checked first: a refused --out costs nothing and changes nothing (not even the ledger).
  const { publicDir } = config;
  const output = await openStaticOutput(options.outDir ?? config.outDir, {
    itemsDir: settings.itemsDir,
    publicDir,
    ...(options.clean === undefined ? {} : { clean: options.clean }),
    ...(options.force === undefined ? {} : { force: options.force }),
    ...(options.compression === undefined ? {} : { compression: options.compression }),
    ...(options.wait === undefined ? {} : { wait: options.wait }),
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  let build;
  try {
    build = await builder.build();
  } catch (error) {
    await output.abort();
    throw error;
  }
  const cacheDiagnostics = await caches.save();
  if (cacheDiagnostics.length > 0) build = { ...build, diagnostics: [...build.diagnostics, ...cacheDiagnostics] };
  const scheduled = build.scheduled.map((s) => ({ file: s.article.file, due: s.due }));
  if (!build.feedSet) {
    await output.abort();
    return { diagnostics: build.diagnostics, recordCount: 0, articleCount: 0, report: undefined, scheduled };
  }
  const { feedSet } = build;

  let report: StaticWriteReport;
  const lateDiagnostics: Diagnostic[] = [];
  try {
    for (const doc of build.documents.values()) {
      await output.write({ path: doc.path, body: doc.body, lastModified: doc.lastModified, compress: isFeedContentType(doc.contentType) });
    }
    // Pages are rendered as the writer takes them (a few at a time: each reads its record again), and not kept; with
    // `pageWorkers`, article pages are made by a pool of worker threads (page-pool.ts) and written here.
    const workers = pages ? (settings.pageWorkers ?? 0) : 0;
    // A configuration that cannot be sent to a worker (not plain data) throws here: every page is then made here.
    const pool = workers > 0 && build.lazyPages.some((p) => p.job) ? tryPool(() => createPagePool(config, pageFrameSet(feedSet, config), workers)) : undefined;
    try {
      await mapPool(build.lazyPages, pool ? workers * PAGE_CONCURRENCY * 8 : PAGE_CONCURRENCY, async (page) => {
        const { source, lastModified } = page;
        if (source !== undefined && lastModified !== undefined && (await output.reuseSource(page.path, source, lastModified))) return;
        const { job } = page;
        const made = pool && job && lastModified ? pageOutcome(job, await pool.render(job)) : undefined;
        if (made && 'diagnostic' in made) return void lateDiagnostics.push(made.diagnostic);
        let doc;
        try {
          doc = made && lastModified ? { path: page.path, body: made.body, lastModified } : await page.render();
        } catch (error) {
          if (!(error instanceof LazyPageError)) throw error;
          lateDiagnostics.push({ severity: 'error', file: error.file, code: 'record-changed', source: 'record', message: error.message });
          return;
        }
        await output.write({ path: doc.path, body: doc.body, lastModified: doc.lastModified, compress: false, ...(source === undefined ? {} : { source }) });
      });
    } finally {
      await pool?.close();
    }
    if (pages && build.redirects.length > 0) {
      // A moved article's former page: a redirect page there (any static host), and the rules for servers that
      // can answer 301 themselves (nginx map, Netlify/Cloudflare `_redirects`).
      const lastModified = feedSet.main.updated;
      const siteUrl = config.siteUrl.replace(/\/+$/, '');
      const titles = new Map(feedSet.articles.map((a) => [a.link, a.title]));
      for (const redirect of build.redirects) {
        const target = siteUrlOf(siteUrl, redirect.to);
        await output.write({ path: redirect.from, body: renderRedirectPage(target, titles.get(target)), lastModified, compress: false });
      }
      const files = renderRedirectsFiles(build.redirects, basePathOf(siteUrl));
      for (const [name, body] of Object.entries(files)) await output.write({ path: `/${name}`, body, lastModified, compress: false });
    }
    report = await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  const diagnostics = lateDiagnostics.length === 0 ? build.diagnostics : [...build.diagnostics, ...lateDiagnostics];
  return { diagnostics, recordCount: build.recordCount, articleCount: feedSet.articles.length, report, scheduled };
}

function tryPool<T>(start: () => T): T | undefined {
  try {
    return start();
  } catch {
    return undefined;
  }
}
