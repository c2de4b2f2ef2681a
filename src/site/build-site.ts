// site: items folder + config → records → articles → feed set → documents → snapshot, once, with every diagnostic.
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import { createLazyEntry, createSnapshot } from '../publish/snapshot.ts';
import type { RenderedDocument } from '../render/render-site.ts';
import type { BuildSettingsInput } from './build-settings.ts';
import { createSiteBuilder } from './site-builder.ts';

/**
 * Options of {@link buildSite}: the build settings (build-settings.ts; `displayDir` defaults to the path as given,
 * `ledger` to `off`), and whether to lint. Every page is rendered in the build (the snapshot holds them all), and no
 * article cache is kept.
 */
export interface BuildSiteOptions extends Omit<BuildSettingsInput, 'cacheDir' | 'lazyPages'> {
  /** Run the feed linter over the rendered feeds (default true). */
  lint?: boolean;
}

/** Everything one build produced. */
export interface BuildResult {
  /** Undefined only when nothing could be read at all (e.g. the items folder is missing). */
  readonly snapshot: FeedSnapshot | undefined;
  readonly feedSet: FeedSet | undefined;
  readonly documents: readonly RenderedDocument[];
  /** Record diagnostics first (in file order), then feed lint findings. */
  readonly diagnostics: readonly Diagnostic[];
  /** Records read (published, drafts and skipped). */
  readonly recordCount: number;
}

/**
 * Runs the whole pipeline once. Bad records are reported and skipped; the others still publish.
 * Pure in (files, config): the same inputs give byte-identical documents. The snapshot's compressed bodies are
 * computed when first read, so a caller that only needs the text does not pay for them.
 */
export async function buildSite(config: ResolvedConfig, options: BuildSiteOptions = {}): Promise<BuildResult> {
  const builder = createSiteBuilder(config, options);
  const build = await builder.build();
  if (!build.feedSet) return { snapshot: undefined, feedSet: undefined, documents: [], diagnostics: build.diagnostics, recordCount: 0 };
  const documents = [...build.documents.values()];
  const info = { articleCount: build.feedSet.articles.length, updated: build.feedSet.main.updated };
  const snapshot = createSnapshot(documents, info, { encode: createLazyEntry });
  return { snapshot, feedSet: build.feedSet, documents, diagnostics: build.diagnostics, recordCount: build.recordCount };
}
