import { describe, expect, it } from 'vitest';
import { applyLifecycle } from '../../src/lifecycle/apply-lifecycle.ts';
import { EMPTY_LEDGER } from '../../src/lifecycle/ledger.ts';
import { makeArticle } from '../helpers/factories.ts';

const NOW = new Date('2024-11-22T12:00:00Z');

describe('applyLifecycle', () => {
  const later = makeArticle({ id: 'plus-tard', date: new Date('2024-11-23T00:00:00Z') });
  const due = makeArticle({ id: 'publie', date: new Date('2024-11-21T00:00:00Z') });
  const draft = makeArticle({ id: 'brouillon', draft: true, date: new Date('2024-11-21T00:00:00Z') });
  const input = { articles: [later, due, draft], ledger: EMPTY_LEDGER, now: NOW, pages: true };

  describe('when building for publication', () => {
    const result = applyLifecycle({ ...input, future: false });

    it.each([
      ['hands on what is due and the drafts, in input order', result.articles.map((a) => a.id), ['publie', 'brouillon']],
      ['holds the future article back', result.scheduled.map((s) => s.article.id), ['plus-tard']],
      ['says when to rebuild', result.nextDue, later.date],
      ['records only what is published', [...result.ledger.keys()], ['publie']],
    ])('%s', (_, actual, expected) => {
      expect(actual).toEqual(expected);
    });
  });

  describe('when building a preview (future)', () => {
    const result = applyLifecycle({ ...input, future: true });

    it.each([
      ['hands on every article, in input order', result.articles.map((a) => a.id), ['plus-tard', 'publie', 'brouillon']],
      ['schedules nothing', [result.scheduled, result.nextDue], [[], undefined]],
      ['still records only what is due', [...result.ledger.keys()], ['publie']],
    ])('%s', (_, actual, expected) => {
      expect(actual).toEqual(expected);
    });
  });

  it('throws a TypeError when future is missing', () => {
    expect(() => applyLifecycle(input as never)).toThrow(/applyLifecycle: future/);
  });
});
