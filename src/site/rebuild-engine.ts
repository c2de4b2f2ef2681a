// site: the side of a live site that builds — one incremental builder per mount path, and the difference between
// its last two builds, encoded. It runs in a worker thread (rebuild-worker.ts), so a rebuild never holds a request,
// or in the calling thread when workers are turned off.
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { compressBrotli, compressGzip } from '../publish/output-encoding.ts';
import { hashBody } from '../publish/snapshot.ts';
import type { RenderedDocument } from '../render/render-site.ts';
import type { Redirect } from '../lifecycle/apply-ledger.ts';
import { GAZETTE_VERSION } from '../_lib/version.ts';
import { settingsKey, type BuildSettings } from './build-settings.ts';
import { openArticleStore, saveArticleStore, type ArticleStore } from './article-store.ts';
import { readPublicFileSizes } from '../publish/public-files.ts';
import { createSiteBuilder, LazyPageError, type LazyDocument, type SiteBuilder } from './site-builder.ts';
import { isFeedContentType } from '../_lib/feed-formats.ts';

/**
 * One build asked of the engine: its settings (build-settings.ts) and what changes from build to build. The engine
 * keys each mount path's builder on the configuration and every setting, whatever their names.
 */
export interface BuildRequest extends BuildSettings {
  /** `''` or a mount path like `/feeds`; each has its own builder, as links and self URLs differ. */
  readonly mountPath: string;
  /** The configuration with the mount path already added to `siteUrl`. */
  readonly config: ResolvedConfig;
  /** Absolute paths of the files that changed since the previous build; without it, the folder is walked. */
  readonly changed?: readonly string[];
  /** The instant this build takes as now (ms since the epoch): what is scheduled, what the ledger records. Default: the clock. */
  readonly now?: number;
}

/** An article page of a lazy build, named by a key of its inputs: a new key, new bytes. */
export interface LazyPageInfo {
  readonly path: string;
  readonly key: string;
}

/** One page asked of the engine. */
export interface PageRequest {
  readonly mountPath: string;
  readonly path: string;
}

/** A document that changed since the engine's previous reply for that mount path, ready to serve. */
export interface ChangedDocument {
  readonly path: string;
  readonly contentType: string;
  readonly lastModified: Date;
  readonly identity: Uint8Array;
  /** ETag base (see publish/snapshot.ts hashBody). */
  readonly hash: string;
  /** A feed's .gz/.br of `identity`, made after the reply and swapped in when ready (undefined: made on use, as a page's). */
  readonly encodings?: Promise<CompressedBodies | undefined>;
}

export type CompressedBodies = { readonly gzip: Uint8Array; readonly br: Uint8Array };

/** A document served with the same bytes as before and a new Last-Modified. */
export interface RetimedDocument {
  readonly path: string;
  readonly lastModified: Date;
}

/** What one build changed, for the live site to apply to the snapshot it serves. */
export interface BuildReply {
  readonly mountPath: string;
  /** False when nothing could be read (the items folder is missing): the served snapshot stays as it is. */
  readonly ok: boolean;
  /** True when `changed`/`removed` are relative to an empty snapshot (the first build of this mount path). */
  readonly full: boolean;
  readonly changed: readonly ChangedDocument[];
  /**
   * Documents whose bytes are the very ones of the previous reply, under a new Last-Modified (the ledger's newest
   * departure moves every list's): the serving thread keeps their bytes and encodings. Never on a full reply.
   */
  readonly retimed?: readonly RetimedDocument[];
  /** Lazy article pages that are new or whose inputs changed (every one, on a full reply). */
  readonly pages: readonly LazyPageInfo[];
  /** Paths no longer served: documents and lazy pages. */
  readonly removed: readonly string[];
  readonly articleCount: number;
  readonly updated: Date | undefined;
  readonly recordCount: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly kept: readonly string[];
  /** How long the build took inside the engine (ms). */
  readonly durationMs: number;
  /** Former page paths → current ones, to answer 301. */
  readonly redirects: readonly Redirect[];
  /** How many articles wait for their date, and when the next one is due. */
  readonly scheduled: number;
  readonly nextDue: Date | undefined;
}

/** Builds on request, one at a time per engine. */
export interface RebuildEngine {
  build(request: BuildRequest): Promise<BuildReply>;
  /** Renders one lazy page of the last build of its mount path. */
  renderPage(request: PageRequest): Promise<PageReply>;
}

/** A lazy page as rendered, or why not. */
export interface PageReply {
  /** Undefined when there is no such page or its record changed since the build (the next build says what to ask). */
  readonly doc: ChangedDocument | undefined;
  /**
   * False when this engine has not built that mount path (a worker that replaced a dead one starts empty): the
   * caller must build again before any page can be rendered.
   */
  readonly built: boolean;
}

/** Creates the engine: keeps each mount path's builder and last documents between requests. */
export function createRebuildEngine(): RebuildEngine {
  const states = new Map<string, EngineState>();
  // The builders read the clock through this: each build takes the instant its request names.
  let requestNow: number | undefined;
  const now = () => requestNow ?? Date.now();
  return {
    async renderPage(request) {
      const state = states.get(request.mountPath);
      const page = state?.pages.get(request.path);
      if (!page) return { doc: undefined, built: state !== undefined };
      try {
        return { doc: encodeChanged(await page.lazy.render()), built: true };
      } catch (error) {
        if (error instanceof LazyPageError) return { doc: undefined, built: true };
        throw error;
      }
    },
    async build(request) {
      const started = performance.now();
      // Everything but what changes from build to build: a setting added to BuildSettings is part of the key at once.
      const { mountPath: _mountPath, changed: _changed, now: _now, config, ...settings } = request;
      const configKey = JSON.stringify([config, settingsKey(settings)]);
      let state = states.get(request.mountPath);
      const full = state === undefined || state.configKey !== configKey;
      let store: ArticleStore | undefined;
      if (state === undefined || full) {
        const pages = request.pages ?? request.config.pages;
        store = request.cacheDir === undefined ? undefined : await openArticleStore(request.cacheDir, { ...request.config, pages }, GAZETTE_VERSION);
        // The settings whole (build-settings.ts): the builder reads each one itself.
        const builder = createSiteBuilder(request.config, {
          ...settings,
          store,
          keepLastGood: true,
          now,
          // Listed when the builder is made (a live site: at start and on a config change), not on every rebuild.
          publicFileSizes: await readPublicFileSizes(request.config.publicDir),
        });
        state = { builder, documents: new Map(), pages: new Map(), configKey };
        states.set(request.mountPath, state);
      }
      requestNow = request.now;
      const build = await state.builder.build(request.changed ? { changed: request.changed } : undefined);
      // Saved after the first build only: a later one changes a few records, not worth rewriting the whole cache for.
      const cacheDiagnostics = await saveArticleStore(store, request.cacheDir ?? '', 'the next start is cold');
      const base = {
        mountPath: request.mountPath,
        recordCount: build.recordCount,
        diagnostics: [...build.diagnostics, ...cacheDiagnostics],
        kept: build.kept,
        redirects: build.redirects,
        scheduled: build.scheduled.length,
        nextDue: build.nextDue,
      };
      if (!build.feedSet) {
        return { ...base, ok: false, full, changed: [], pages: [], removed: [], articleCount: 0, updated: undefined, durationMs: performance.now() - started };
      }
      const previous = state.documents;
      // The live site serves what the plan marks live; the rest is for the static output only.
      const current = new Map([...build.documents].filter(([, doc]) => doc.live !== false));
      // A feed withheld for a lint error keeps its previous version, as a record keeps its last good one.
      for (const path of build.withheld) {
        const old = previous.get(path);
        if (old) current.set(path, old);
      }
      const changedDocs: RenderedDocument[] = [];
      const retimed: RetimedDocument[] = [];
      for (const [path, doc] of current) {
        const old = previous.get(path);
        if (old === doc) continue;
        // The same text (often the same string, compared in O(1)) is neither encoded nor sent again: only its new
        // date, if it has one (a document rendered again to the same bytes and date changed nothing served).
        if (old === undefined || old.body !== doc.body || old.contentType !== doc.contentType) changedDocs.push(doc);
        else if (old.lastModified.getTime() !== doc.lastModified.getTime()) retimed.push({ path, lastModified: doc.lastModified });
      }
      // The identity bytes go at once; the feeds are compressed in libuv's pool (the second core) and swapped in later.
      const changed = changedDocs.map(encodeChanged);
      const removed = [...previous.keys()].filter((path) => !current.has(path));
      state.documents = current;
      const pages = new Map<string, LazyPage>();
      const changedPages: LazyPageInfo[] = [];
      for (const lazy of build.lazyPages) {
        if (lazy.live === false) continue;
        const key = lazy.source ?? '';
        pages.set(lazy.path, { key, lazy });
        if (state.pages.get(lazy.path)?.key !== key) changedPages.push({ path: lazy.path, key });
      }
      for (const path of state.pages.keys()) if (!pages.has(path)) removed.push(path);
      state.pages = pages;
      return {
        ...base,
        ok: true,
        full,
        changed,
        ...(retimed.length > 0 ? { retimed } : {}),
        pages: changedPages,
        removed,
        articleCount: build.feedSet.articles.length,
        updated: build.feedSet.main.updated,
        durationMs: performance.now() - started,
      };
    },
  };
}

// --- internal ---

/** What the engine keeps of one mount path between requests. */
interface EngineState {
  readonly builder: SiteBuilder;
  readonly configKey: string;
  documents: Map<string, RenderedDocument>;
  pages: Map<string, LazyPage>;
}

interface LazyPage {
  readonly key: string;
  readonly lazy: LazyDocument;
}

function encodeChanged(doc: RenderedDocument): ChangedDocument {
  const identity = Buffer.from(doc.body, 'utf8');
  const base = { path: doc.path, contentType: doc.contentType, lastModified: doc.lastModified, identity, hash: hashBody(identity) };
  // Feeds are what aggregators poll: compressed once here, off the serving thread, as the static writer compresses
  // them (publish/output-encoding.ts: the same bytes as publish/snapshot.ts's). Pages wait for a reader.
  if (!isFeedContentType(doc.contentType)) return base;
  const encodings = Promise.all([compressGzip(identity), compressBrotli(identity)]).then(([gzip, br]) => ({ gzip, br }));
  // Not awaited by the build; a failure means "made on use" (snapshot.ts), never an unhandled rejection.
  return { ...base, encodings: encodings.catch(() => undefined) };
}
