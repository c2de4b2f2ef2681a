// article: the optional `genres` field — Google News genres of an article, for the news sitemap's `news:genres`.
import { describeValue } from '../_lib/describe-value.ts';
import type { FieldReport } from './_lib/field-reader.ts';

/** Google's values (Google News sitemap reference, `<news:genres>`; the pattern of sitemap-news.xsd), in its order. */
export const NEWS_GENRES = ['PressRelease', 'Satire', 'Blog', 'OpEd', 'Opinion', 'UserGenerated'] as const;

export type NewsGenre = (typeof NEWS_GENRES)[number];

/**
 * `genres`: a list (`[Blog, Opinion]`) or a comma-separated text (`Blog, Opinion`) of {@link NEWS_GENRES}, in the
 * record's order, duplicates dropped. An unknown value is a warning and is dropped (the others stay); a value of
 * another type is a warning too and the field reads as left out: a genre never costs the article.
 */
export function readGenres(value: unknown, report: FieldReport): readonly NewsGenre[] {
  if (value === undefined) return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (items === undefined) {
    report('warning', 'wrong-type', `expected a list of Google News genres (${NEWS_GENRES.join(', ')}), got ${describeValue(value)}; ignored`);
    return [];
  }
  const genres: NewsGenre[] = [];
  for (const item of items) {
    const text = typeof item === 'string' ? item.trim() : item;
    if (text === '') continue;
    const genre = NEWS_GENRES.find((known) => typeof text === 'string' && known.toLowerCase() === text.toLowerCase());
    if (genre === undefined) {
      report('warning', 'genre-unknown', `${describeValue(text)} is not a Google News genre (${NEWS_GENRES.join(', ')}); dropped`);
      continue;
    }
    if (!genres.includes(genre)) genres.push(genre);
  }
  return genres;
}
