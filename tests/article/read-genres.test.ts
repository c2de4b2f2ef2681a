import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { toArticle } from '../../src/article/to-article.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeRecord } from './make-record.ts';

const config = makeConfig({ categories: {} });

describe('the genres field', () => {
  it.each([
    ['a list', ['Blog', 'Opinion'], ['Blog', 'Opinion']],
    ['a comma-separated text', 'OpEd, PressRelease', ['OpEd', 'PressRelease']],
    ['values in another case, and repeated', ['blog', 'BLOG', 'satire'], ['Blog', 'Satire']],
    ['an empty list', [], undefined],
  ])('reads %s as Google News genres', (_label, genres, expected) => {
    const { value, diagnostics } = toArticle(makeRecord({ genres }), config);
    expect([value?.genres, diagnostics]).toEqual([expected, []]);
  });

  it.each([
    ['an unknown value among known ones', ['Blog', 'Éditorial'], ['Blog'], 'items/2024/maroc.md:4 genres: warning: "Éditorial" is not a Google News genre'],
    ['a value of another type', 42, undefined, 'items/2024/maroc.md:4 genres: warning: expected a list of Google News genres'],
  ])('warns about %s and drops it, and the article still publishes', (_label, genres, expected, message) => {
    const { value, diagnostics } = toArticle(makeRecord({ genres }), config);
    expect([value?.title, value?.genres, diagnostics.map(formatDiagnostic).map((line) => line.slice(0, message.length))]).toEqual([
      'Maroc : le DG en visite',
      expected,
      [message],
    ]);
  });
});
