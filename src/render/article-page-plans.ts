// render: the article pages' plan entries carried from build to build. A site of 10,000 articles plans 10,000 article
// pages per build although an edit changes one or two: an entry whose inputs are the same objects (its article, the
// page frame, its Last-Modified) is the very entry of the previous build, so the layers after the plan (the render
// cache's lazy documents, the live engine's page keys) can skip it by identity too.
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import type { PlannedDocument } from './plan-site.ts';

/**
 * What the entries planned with one frame render with. An article page shows the frame and its article and nothing
 * else of the feed set (its deps), so a kept entry may render with the newest feed set of the same frame: it gives
 * the same bytes, and the entry holds no feed set of an older build alive.
 */
export interface PageContext {
  readonly frame: string;
  readonly config: ResolvedConfig;
  feedSet: FeedSet;
}

/** The memo a builder keeps across its builds (render-cache.ts); planSite takes it in `PlanOptions.articlePages`. */
export interface ArticlePagePlans {
  /** The context of this build's article pages: the previous one (its feed set updated) while the frame is the same. */
  begin(frame: string, feedSet: FeedSet, config: ResolvedConfig): PageContext;
  /** The entry planned for `article` in `context` with this Last-Modified, if any. */
  get(article: Article, context: PageContext, time: number): PlannedDocument | undefined;
  set(article: Article, context: PageContext, time: number, planned: PlannedDocument): void;
}

export function createArticlePagePlans(): ArticlePagePlans {
  // Weak: an article no build publishes any more takes its entry with it.
  const entries = new WeakMap<Article, { readonly context: PageContext; readonly time: number; readonly planned: PlannedDocument }>();
  let current: PageContext | undefined;
  return {
    begin(frame, feedSet, config) {
      if (current?.frame === frame && current.config === config) current.feedSet = feedSet;
      else current = { frame, config, feedSet };
      return current;
    },
    get(article, context, time) {
      const known = entries.get(article);
      return known?.context === context && known.time === time ? known.planned : undefined;
    },
    set(article, context, time, planned) {
      entries.set(article, { context, time, planned });
    },
  };
}
