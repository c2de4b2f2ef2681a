// Public surface of Gazette: configuration, types, and the build/serve entry points.
export { defineConfig } from './config/define-config.ts';
export type { Author, CategorySettings, GazetteConfig } from './config/define-config.ts';
export type { ResolvedConfig } from './config/config-schema.ts';
export { resolveConfig } from './config/config-schema.ts';
export { loadConfig } from './config/load-config.ts';
export type { Diagnostic, Result, Severity } from './diagnostics.ts';
export { ConfigError, GazetteError, RecordError, formatDiagnostic, isGazetteError } from './diagnostics.ts';
export type { DispatchBlock, RawField, RawRecord, RecordBody, RecordFormat } from './records/raw-record.ts';
export type { Article, Category } from './article/article.ts';
export type { FeedDefinition, FeedSet } from './feed-set/feed-set.ts';
export type { FeedSnapshot, SnapshotEntry } from './publish/feed-snapshot.ts';
