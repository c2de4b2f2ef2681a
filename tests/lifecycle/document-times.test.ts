import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { documentTimes } from '../../src/lifecycle/document-times.ts';
import type { Ledger, LedgerEntry } from '../../src/lifecycle/ledger.ts';
import { makeArticle } from '../helpers/factories.ts';

const at = (iso: string) => new Date(iso);
const DATED = at('2024-11-20T08:00:00Z');
const FALLBACK = at('2024-01-01T00:00:00Z');

function entry(id: string, times: Partial<Pick<LedgerEntry, 'published' | 'updated' | 'removed' | 'restored' | 'moved'>>): LedgerEntry {
  return { id, guid: `tag:example.org,2024-01-01:${id}`, published: DATED, hash: 'a'.repeat(64), paths: [], aliases: [], ...times };
}
const ledgerOf = (...entries: LedgerEntry[]): Ledger => new Map(entries.map((e) => [e.id, e]));
const article = (id: string, updated = DATED): Article => makeArticle({ id, date: DATED, updated });

describe('documentTimes', () => {
  describe('the time of a list (a feed, the index, a category page)', () => {
    it.each([
      // [case, ledger, listed articles, expected]
      ['without a ledger: the newest updated it shows', undefined, [article('a'), article('b', at('2024-11-21T08:00:00Z'))], '2024-11-21T08:00:00.000Z'],
      ['without a ledger, empty: the fallback', undefined, [], '2024-01-01T00:00:00.000Z'],
      [
        'an article dated before the newest, first published later: its publication',
        ledgerOf(entry('a', {}), entry('old', { published: at('2024-12-01T10:00:00Z') })),
        [article('a', at('2024-11-21T08:00:00Z')), article('old')],
        '2024-12-01T10:00:00.000Z',
      ],
      [
        'a correction the record dates earlier: the ledger time of the correction',
        ledgerOf(entry('a', { updated: at('2024-12-02T10:00:00Z') })),
        [article('a', at('2024-11-21T08:00:00Z'))],
        '2024-12-02T10:00:00.000Z',
      ],
      [
        'an article removed from the site: its removal',
        ledgerOf(entry('a', {}), entry('gone', { removed: at('2024-12-03T10:00:00Z') })),
        [article('a')],
        '2024-12-03T10:00:00.000Z',
      ],
      [
        'an article published again: its return',
        ledgerOf(entry('a', {}), entry('back', { restored: at('2024-12-04T10:00:00Z') })),
        [article('a'), article('back')],
        '2024-12-04T10:00:00.000Z',
      ],
      [
        'an article that moved to other lists (re-dated, recategorised): its move, in every list',
        ledgerOf(entry('a', {}), entry('elsewhere', { moved: at('2024-12-06T10:00:00Z') })),
        [article('a')],
        '2024-12-06T10:00:00.000Z',
      ],
      ['an article the ledger does not know: its updated', ledgerOf(), [article('a')], '2024-11-20T08:00:00.000Z'],
      ['an empty feed with nothing removed: the fallback', ledgerOf(entry('a', {})), [], '2024-01-01T00:00:00.000Z'],
    ])('is %s', (_name, ledger, listed, expected) => {
      expect(documentTimes(ledger).ofList(listed, FALLBACK).toISOString()).toBe(expected);
    });

    it('ignores the removals of a list whose own time is later', () => {
      const ledger = ledgerOf(entry('a', { published: at('2024-12-05T00:00:00Z') }), entry('gone', { removed: at('2024-12-03T10:00:00Z') }));
      expect(
        documentTimes(ledger)
          .ofList([article('a')], FALLBACK)
          .toISOString(),
      ).toBe('2024-12-05T00:00:00.000Z');
    });
  });

  describe('the time of an article page', () => {
    it.each([
      ['without a ledger: its updated', undefined, '2024-11-20T08:00:00.000Z'],
      ['its first publication, when later than its date', ledgerOf(entry('a', { published: at('2024-12-01T00:00:00Z') })), '2024-12-01T00:00:00.000Z'],
      ['its last correction', ledgerOf(entry('a', { updated: at('2024-12-02T00:00:00Z') })), '2024-12-02T00:00:00.000Z'],
      ['its return', ledgerOf(entry('a', { restored: at('2024-12-04T00:00:00Z') })), '2024-12-04T00:00:00.000Z'],
      ['its move (its date shown changed)', ledgerOf(entry('a', { moved: at('2024-12-06T00:00:00Z') })), '2024-12-06T00:00:00.000Z'],
      [
        'not moved by the removal of another article',
        ledgerOf(entry('a', {}), entry('b', { removed: at('2024-12-09T00:00:00Z') })),
        '2024-11-20T08:00:00.000Z',
      ],
    ])('is %s', (_name, ledger, expected) => {
      expect(documentTimes(ledger).ofArticle(article('a')).toISOString()).toBe(expected);
    });
  });
});
