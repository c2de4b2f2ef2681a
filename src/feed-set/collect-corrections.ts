// feed-set: the published articles → the correction notes of the site-wide corrections feed, newest first.
import type { Article, Correction } from '../article/article.ts';

/** One correction note with the article it corrects. */
export interface CorrectionEntry {
  readonly article: Article;
  readonly correction: Correction;
}

/**
 * The newest `limit` notes of `articles` (drafts left out), newest first; ties by article id, then in record
 * order, so the order never depends on the order of the input.
 */
export function collectCorrections(articles: readonly Article[], limit: number): CorrectionEntry[] {
  if (!Array.isArray(articles)) throw new TypeError('collectCorrections: articles must be an array of Article');
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`collectCorrections: limit must be a positive whole number, got ${limit}`);
  const entries: { entry: CorrectionEntry; index: number }[] = [];
  for (const article of articles) {
    if (article.draft) continue;
    article.corrections.forEach((correction: Correction, index: number) => {
      entries.push({ entry: { article, correction }, index });
    });
  }
  entries.sort(
    (a, b) =>
      b.entry.correction.date.getTime() - a.entry.correction.date.getTime() ||
      (a.entry.article.id < b.entry.article.id ? -1 : a.entry.article.id > b.entry.article.id ? 1 : 0) ||
      a.index - b.index,
  );
  return entries.slice(0, limit).map((e) => e.entry);
}
