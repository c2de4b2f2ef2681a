// site: items folder + config → records → articles → feed set → documents → snapshot, once, with every diagnostic.
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import type { FeedSnapshot } from '../publish/feed-snapshot.ts';
import { createLazyEntry, createSnapshot } from '../publish/snapshot.ts';
import type { RenderedDocument } from '../render/render-site.ts';
import { createSiteBuilder } from './site-builder.ts';

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Folder of records; default `config.itemsDir`. */
  itemsDir?: string;
  /** Folder name shown in messages; default: the path as given. */
  displayDir?: string;
  /** Run the feed linter over the rendered feeds (default true). */
  lint?: boolean;
  /** Render HTML pages (default `config.pages`, else true). False: feeds only. */
  pages?: boolean;
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
  const builder = createSiteBuilder(config, {
    ...(options.itemsDir === undefined ? {} : { itemsDir: options.itemsDir }),
    ...(options.displayDir === undefined ? {} : { displayDir: options.displayDir }),
    ...(options.lint === undefined ? {} : { lint: options.lint }),
    ...(options.pages === undefined ? {} : { pages: options.pages }),
  });
  const build = await builder.build();
  if (!build.feedSet) return { snapshot: undefined, feedSet: undefined, documents: [], diagnostics: build.diagnostics, recordCount: 0 };
  const documents = [...build.documents.values()];
  const info = { articleCount: build.feedSet.articles.length, updated: build.feedSet.main.updated };
  const snapshot = createSnapshot(documents, info, { encode: createLazyEntry });
  return { snapshot, feedSet: build.feedSet, documents, diagnostics: build.diagnostics, recordCount: build.recordCount };
}
