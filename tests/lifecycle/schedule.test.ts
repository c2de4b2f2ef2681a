import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { delayUntil, MAX_TIMER_DELAY, splitScheduled } from '../../src/lifecycle/schedule.ts';
import { makeArticle } from '../helpers/factories.ts';

const NOW = new Date('2024-11-22T12:00:00Z');
const at = (iso: string, overrides: Partial<Article> = {}) => makeArticle({ id: iso, date: new Date(iso), ...overrides });

describe('splitScheduled', () => {
  describe('when articles are dated around now', () => {
    const past = at('2024-11-22T11:59:59Z');
    const exactlyNow = at('2024-11-22T12:00:00Z');
    const soon = at('2024-11-22T12:00:01Z');
    const later = at('2024-11-23T08:00:00Z');
    const futureDraft = at('2024-11-22T12:30:00Z', { draft: true });
    const result = splitScheduled([later, past, futureDraft, soon, exactlyNow], NOW, { future: false });

    it('publishes what is dated now or before, and drafts (the feed set drops them), in input order', () => {
      expect(result.published).toEqual([past, futureDraft, exactlyNow]);
    });

    it('schedules what is dated after now, soonest first, due at its date', () => {
      expect(result.scheduled).toEqual([
        { article: soon, due: soon.date },
        { article: later, due: later.date },
      ]);
    });

    it('gives the soonest due instant', () => {
      expect(result.nextDue).toEqual(new Date('2024-11-22T12:00:01Z'));
    });
  });

  describe('when two articles are due at once', () => {
    it('orders them by id', () => {
      const b = at('2024-12-01T00:00:00Z', { id: 'b' });
      const a = at('2024-12-01T00:00:00Z', { id: 'a' });
      expect(splitScheduled([b, a], NOW, { future: false }).scheduled.map((s) => s.article.id)).toEqual(['a', 'b']);
    });
  });

  describe('when nothing is in the future', () => {
    it('schedules nothing and has no next due instant', () => {
      const result = splitScheduled([at('2024-01-01T00:00:00Z')], NOW, { future: false });
      expect(result).toMatchObject({ scheduled: [], nextDue: undefined });
    });
  });

  describe('with future (previews)', () => {
    it('publishes everything and schedules nothing', () => {
      const articles = [at('2030-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z')];
      expect(splitScheduled(articles, NOW, { future: true })).toEqual({ published: articles, scheduled: [], nextDue: undefined });
    });
  });

  describe('misuse', () => {
    it.each([
      ['articles', () => splitScheduled('x' as never, NOW, { future: false })],
      ['now', () => splitScheduled([], new Date(Number.NaN), { future: false })],
      ['options.future', () => splitScheduled([], NOW, {} as never)],
    ])('throws a TypeError naming %s', (name, call) => {
      expect(call).toThrow(new RegExp(`splitScheduled: ${name.replace('.', '\\.')}`));
    });
  });
});

describe('delayUntil', () => {
  it.each([
    ['nothing scheduled', undefined, undefined],
    ['due in five seconds', new Date('2024-11-22T12:00:05Z'), 5000],
    ['due now', NOW, 0],
    ['already past (a slow rebuild)', new Date('2024-11-22T11:59:00Z'), 0],
    ['due in 24 days', new Date(NOW.getTime() + 24 * 86_400_000), 24 * 86_400_000],
    // setTimeout fires a longer delay at once: the timer is capped, and the early rebuild re-arms it.
    ['due in two months', new Date('2025-01-22T12:00:00Z'), MAX_TIMER_DELAY],
  ])('waits for %s: %s → %s ms', (_, due, delay) => {
    expect(delayUntil(due, NOW)).toBe(delay);
  });

  it('caps at what setTimeout honours', () => {
    expect(MAX_TIMER_DELAY).toBe(2_147_483_647);
  });

  it.each([
    ['now', () => delayUntil(undefined, new Date(Number.NaN))],
    ['due', () => delayUntil(new Date(Number.NaN), NOW)],
  ])('throws a TypeError naming %s', (name, call) => {
    expect(call).toThrow(new RegExp(`delayUntil: ${name}`));
  });
});
