import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { decidePublication, type RecordOutcome } from '../../src/site/publish-decision.ts';
import { makeArticle } from '../helpers/factories.ts';

const v1 = makeArticle({ id: 'a', file: 'items/a.md' });
const v2 = makeArticle({ id: 'a', file: 'items/a.md', title: 'Titre corrigé' });
const other = makeArticle({ id: 'b', file: 'items/b.md' });

type Row = [label: string, outcomes: RecordOutcome[], lastGood: [string, Article][], published: Article[], kept: string[], next: [string, Article][]];

describe('decidePublication', () => {
  it.each<Row>([
    ['a valid record is published and remembered', [{ file: 'items/a.md', article: v1, failed: false }], [], [v1], [], [['items/a.md', v1]]],
    ['a valid edit replaces the last good version', [{ file: 'items/a.md', article: v2, failed: false }], [['items/a.md', v1]], [v2], [], [['items/a.md', v2]]],
    [
      'a record that becomes invalid keeps its last good version',
      [{ file: 'items/a.md', article: undefined, failed: true }],
      [['items/a.md', v1]],
      [v1],
      ['items/a.md'],
      [['items/a.md', v1]],
    ],
    ['a record that was never valid is not published', [{ file: 'items/a.md', article: undefined, failed: true }], [], [], [], []],
    ['a deleted file is gone, whatever was published', [], [['items/a.md', v1]], [], [], []],
    [
      'one broken record does not hold back another record’s change',
      [
        { file: 'items/a.md', article: undefined, failed: true },
        { file: 'items/b.md', article: other, failed: false },
      ],
      [['items/a.md', v1]],
      [v1, other],
      ['items/a.md'],
      [
        ['items/a.md', v1],
        ['items/b.md', other],
      ],
    ],
    [
      'a record rejected for a clash (failed with an article) keeps its last good version',
      [{ file: 'items/a.md', article: v2, failed: true }],
      [['items/a.md', v1]],
      [v1],
      ['items/a.md'],
      [['items/a.md', v1]],
    ],
  ])('%s', (_label, outcomes, lastGood, published, kept, next) => {
    const decision = decidePublication(outcomes, new Map(lastGood));
    expect([decision.articles, decision.kept, [...decision.lastGood]]).toEqual([published, kept, next]);
  });

  it('rejects arguments of the wrong kind', () => {
    expect(() => decidePublication('x' as never, new Map())).toThrow(TypeError);
    expect(() => decidePublication([], {} as never)).toThrow(TypeError);
  });
});
