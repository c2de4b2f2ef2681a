// site: a read record made the article a build holds (step 2's output): every diagnostic stamped with its stage, the
// article copied compactly (compact-article.ts), its lists of categories and authors shared with equal ones.
import type { Article } from '../article/article.ts';
import { toArticle, type ToArticleOptions } from '../article/to-article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic, DiagnosticSource, Result } from '../diagnostics.ts';
import type { RawRecord } from '../records/raw-record.ts';
import type { StoredArticle } from './article-store.ts';
import { compactCopy } from './compact-article.ts';

/**
 * A read record through the article stage, with every diagnostic stamped, in its held form (compact-article.ts: most
 * records have no diagnostic, and share one empty list).
 */
export function toStored(
  record: Result<RawRecord | undefined>,
  config: ResolvedConfig,
  options: ToArticleOptions,
  share: ListSharer,
  display: string,
): StoredArticle {
  const recordDiagnostics = compactCopy(stamp(record.diagnostics, 'record'));
  if (!record.value) return { recordDiagnostics, article: undefined };
  const result = toArticle(record.value, config, options);
  const diagnostics = compactCopy(stamp(result.diagnostics, 'record'));
  if (result.value === undefined) return { recordDiagnostics, article: { value: undefined, diagnostics } };
  // A copy: the strings the parsers cut out of the record's text (title, id, categories…) are slices that keep the
  // whole text alive (V8 sliced strings), ~10 KB per record kept for a 60-byte title; the copy holds only the values.
  // Set in place on the fresh copy (a spread would give each article a hidden class of its own): the entry's display
  // path is the article's (one string for both), and equal lists of categories or authors are one list.
  const article: Mutable<Article> = compactCopy(result.value);
  if (article.file === display) article.file = display;
  article.categories = share(article.categories);
  article.authors = share(article.authors);
  return { recordDiagnostics, article: { value: article, diagnostics } };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Returns one shared list for equal lists of categories or authors (an archive repeats a few dozen of them). */
export type ListSharer = <T>(list: readonly T[]) => readonly T[];

/** A sharer that remembers at most `limit` distinct lists (an archive where every list differs gains nothing). */
export function createListSharer(limit = 10_000): ListSharer {
  const lists = new Map<string, readonly unknown[]>();
  return <T>(list: readonly T[]): readonly T[] => {
    const key = JSON.stringify(list);
    const known = lists.get(key);
    if (known !== undefined) return known as readonly T[];
    if (lists.size < limit) lists.set(key, list);
    return list;
  };
}

/** Each diagnostic with its `source` (the stage that found it), unless it has one. */
export function stamp(diagnostics: readonly Diagnostic[], source: DiagnosticSource): Diagnostic[] {
  return diagnostics.map((d) => (d.source === undefined ? { ...d, source } : d));
}
