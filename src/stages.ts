// `gazette/stages`: the pipeline one step at a time (files → records → articles → feed set → documents →
// snapshot), for callers that replace or inspect a step. Less stable than `gazette`: a stage's signature may
// change in a minor version when the pipeline changes; the core in src/index.ts does not.
export type { DispatchBlock, RawField, RawRecord, RecordBody, RecordFormat } from './records/raw-record.ts';
export { readItems } from './records/read-items.ts';
export { parseFrenchDate, type FrenchDateResult } from './records/french-date.ts';
export type { Article, ArticleImage, Category } from './article/article.ts';
export { toArticle } from './article/to-article.ts';
export { slugify } from './article/slug.ts';
export type { AuthorRef, FeedDefinition, FeedSet } from './feed-set/feed-set.ts';
export { buildFeedSet } from './feed-set/build-feed-set.ts';
export { renderRss } from './render/rss.ts';
export { renderAtom } from './render/atom.ts';
export { renderJsonFeed } from './render/json-feed.ts';
export { renderSite, type RenderedDocument } from './render/render-site.ts';
export type { FeedSnapshot, SnapshotEntry } from './publish/feed-snapshot.ts';
export { createSnapshot } from './publish/snapshot.ts';
export { createSiteBuilder, type SiteBuilder, type SiteBuilderOptions, type SiteBuild } from './site/site-builder.ts';
