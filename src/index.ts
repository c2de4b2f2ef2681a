// Public surface of Gazette (`import … from 'gazette'`): the stable core — configuration, build, write, router,
// lint, errors and their types. The pipeline's stage functions are on the `gazette/stages` subpath (src/stages.ts).
export { defineConfig } from './config/define-config.ts';
export type { Author, CategorySettings, GazetteConfig } from './config/define-config.ts';
export type { ResolvedConfig } from './config/config-schema.ts';
export { resolveConfig } from './config/config-schema.ts';
export { loadConfig, type LoadConfigOptions } from './config/load-config.ts';
export type { Diagnostic, Result, Severity } from './diagnostics.ts';
export { ConfigError, GazetteError, formatDiagnostic, isGazetteError } from './diagnostics.ts';
export type { Article, ArticleImage, Category, Correction } from './article/article.ts';
export type { FeedSnapshot, SnapshotEntry } from './publish/feed-snapshot.ts';
export { buildSite, type BuildResult, type BuildSiteOptions } from './site/build-site.ts';
export { buildStaticSite, type StaticBuildOptions, type StaticBuildResult } from './site/static-build.ts';
export { createLiveSite, type LiveSite, type LiveSiteOptions } from './site/live-site.ts';
export {
  openStaticOutput,
  writeStaticSite,
  OutputError,
  isOutputError,
  type StaticOutput,
  type StaticOutputOptions,
  type StaticOutputOptions as WriteStaticOptions,
  type StaticWriteReport,
} from './publish/write-static.ts';
export { createApp, createFeedRouter, startServer } from './serve-site.ts';
export type { FeedRouter, FeedRouterOptions, StartServerOptions } from './serve-site.ts';
export type { HealthReport } from './http/health.ts';
export { lintFeed, type FeedFormat, type LintInput } from './lint/lint-feed.ts';
