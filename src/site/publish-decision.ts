// site: what one build publishes per record — the new article, its last good version, or nothing.
import type { Article } from '../article/article.ts';

/** What the current build made of one record file. */
export interface RecordOutcome {
  /** Path shown in messages (`items/x.md`): the identity of the record across builds. */
  readonly file: string;
  /** The valid article, or undefined when the record has an error. */
  readonly article: Article | undefined;
  /** True when the record has an error diagnostic this build (parse, validation, duplicate). */
  readonly failed: boolean;
}

/** The decision of {@link decidePublication}. */
export interface PublicationDecision {
  /** What to publish, in record order: new articles and last good versions. */
  readonly articles: readonly Article[];
  /** Files whose last good version is published in place of an invalid edit. */
  readonly kept: readonly string[];
  /** Last good article per file, to pass to the next build. */
  readonly lastGood: ReadonlyMap<string, Article>;
}

/**
 * The per-record last-good rule of a live site: a record that becomes invalid keeps its last good version
 * published; a record that was never valid is not published; a deleted file is gone; every other change goes
 * live. `gazette build` passes an empty `lastGood`, so there an invalid record is simply not published.
 */
export function decidePublication(outcomes: readonly RecordOutcome[], lastGood: ReadonlyMap<string, Article>): PublicationDecision {
  if (!Array.isArray(outcomes)) throw new TypeError('decidePublication: outcomes must be an array');
  if (!(lastGood instanceof Map)) throw new TypeError('decidePublication: lastGood must be a Map');
  const articles: Article[] = [];
  const kept: string[] = [];
  const next = new Map<string, Article>();
  for (const { file, article, failed } of outcomes) {
    if (article !== undefined && !failed) {
      articles.push(article);
      next.set(file, article);
      continue;
    }
    const previous = lastGood.get(file);
    if (previous === undefined) continue;
    articles.push(previous);
    kept.push(file);
    next.set(file, previous);
  }
  return { articles, kept, lastGood: next };
}
