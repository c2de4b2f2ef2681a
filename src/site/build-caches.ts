// site: the persistent caches of `gazette build` in one place — the article store (records by bytes and stat key,
// article-store.ts) and the document store (eager documents by inputs, document-store.ts) — opened and saved together.
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { GAZETTE_VERSION } from '../_lib/version.ts';
import { openArticleStore, saveArticleStore, type ArticleStore } from './article-store.ts';
import { openDocumentStore, type DocumentStore } from './document-store.ts';

/** The caches of one static build; none when the build keeps no cache (`cacheDir: false`). */
export interface BuildCaches {
  readonly store?: ArticleStore;
  readonly documentStore?: DocumentStore;
  /** Writes both; a cache that cannot be written is a warning (the next build starts cold), never a failure. */
  save(): Promise<Diagnostic[]>;
}

/** Opens the caches of `config` (with `pages` as the build renders them) in `cacheDir`. */
export async function openBuildCaches(cacheDir: string | false, config: ResolvedConfig, pages: boolean): Promise<BuildCaches> {
  if (cacheDir === false) return { save: async () => [] };
  // Feeds-only builds keep articles without bodies and other documents: stores of their own, never mixed with full ones.
  const keyed = { ...config, pages };
  const [store, documentStore] = await Promise.all([openArticleStore(cacheDir, keyed, GAZETTE_VERSION), openDocumentStore(cacheDir, keyed, GAZETTE_VERSION)]);
  const cost = 'the next build starts cold';
  return {
    store,
    documentStore,
    async save() {
      const articles = await saveArticleStore(store, cacheDir, cost);
      const documents = await saveArticleStore(documentStore, cacheDir, cost);
      // One warning for the folder is enough: both files live in it.
      return articles.length > 0 ? articles : documents;
    },
  };
}
