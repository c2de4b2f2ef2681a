// pipeline: items folder + config → records → articles → feed set → documents → snapshot, with every diagnostic.
import type { Article } from './article/article.ts';
import { toArticle } from './article/to-article.ts';
import type { ResolvedConfig } from './config/config-schema.ts';
import type { Diagnostic } from './diagnostics.ts';
import { buildFeedSet } from './feed-set/build-feed-set.ts';
import type { FeedSet } from './feed-set/feed-set.ts';
import { lintDocuments } from './lint/lint-documents.ts';
import type { BuildCache } from './build-cache.ts';
import type { FeedSnapshot } from './publish/feed-snapshot.ts';
import { createSnapshot } from './publish/snapshot.ts';
import { readItems } from './records/read-items.ts';
import { renderSite, type RenderedDocument } from './render/render-site.ts';

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Folder of records; default `config.itemsDir`. */
  itemsDir?: string;
  /** Folder name shown in messages; default: the path as given. */
  displayDir?: string;
  /** Run the feed linter over the rendered feeds (default true). */
  lint?: boolean;
  /**
   * Work kept from the previous builds of this site (`createBuildCache()`): unchanged records, feeds and documents
   * are not validated, linted or compressed again. The output is the same bytes with or without it.
   */
  cache?: BuildCache;
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
 * Pure in (files, config): the same inputs give byte-identical documents.
 */
export async function buildSite(config: ResolvedConfig, options: BuildSiteOptions = {}): Promise<BuildResult> {
  try {
    return await runPipeline(config, options);
  } finally {
    // Even after a throw: what this build did not touch is dropped, so a cache never outgrows one build.
    options.cache?.finishBuild();
  }
}

// --- internal ---

async function runPipeline(config: ResolvedConfig, options: BuildSiteOptions): Promise<BuildResult> {
  const { cache } = options;
  const itemsDir = options.itemsDir ?? config.itemsDir;
  const vocabulary = Object.values(config.categories).flatMap((c) => (c.label ? [c.label] : []));
  const read = await readItems(itemsDir, { vocabulary, limits: config.limits, ...(options.displayDir ? { displayDir: options.displayDir } : {}) });
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  if (read.value.length === 0 && read.diagnostics.some((d) => d.severity === 'error' && d.code === 'items-dir-missing')) {
    return { snapshot: undefined, feedSet: undefined, documents: [], diagnostics, recordCount: 0 };
  }

  const articles: Article[] = [];
  for (const record of read.value) {
    const result = cache ? cache.toArticle(record, config) : toArticle(record, config);
    diagnostics.push(...result.diagnostics);
    if (result.value) articles.push(result.value);
  }
  const unique = rejectDuplicates(articles, diagnostics);

  const feedSet = buildFeedSet(unique, config);
  const documents = renderSite(feedSet, config);
  if (options.lint !== false) diagnostics.push(...(cache ? cache.lintDocuments(documents) : lintDocuments(documents)));
  const info = { articleCount: feedSet.articles.length, updated: feedSet.main.updated };
  const snapshot = createSnapshot(documents, info, cache ? { encode: cache.encodeDocument } : {});
  return { snapshot, feedSet, documents, diagnostics, recordCount: read.value.length };
}

/** Two articles may not share an id (hence a guid) or a slug (hence a page): the later file is skipped. */
function rejectDuplicates(articles: readonly Article[], diagnostics: Diagnostic[]): Article[] {
  const byId = new Map<string, Article>();
  const bySlug = new Map<string, Article>();
  const kept: Article[] = [];
  for (const article of articles) {
    const sameId = byId.get(article.id);
    const sameSlug = article.draft ? undefined : bySlug.get(article.slug);
    if (sameId) {
      diagnostics.push(duplicate(article, 'id', `"${article.id}" is already the id of ${sameId.file}`));
      continue;
    }
    if (sameSlug) {
      diagnostics.push(
        duplicate(article, 'slug', `"${article.slug}" is already the slug of ${sameSlug.file}; set a distinct "slug"`),
      );
      continue;
    }
    byId.set(article.id, article);
    if (!article.draft) bySlug.set(article.slug, article);
    kept.push(article);
  }
  return kept;
}

function duplicate(article: Article, field: string, message: string): Diagnostic {
  return { severity: 'error', file: article.file, field, code: `duplicate-${field}`, message };
}
