// The feed size budget: oldest items fall back to their summary, then drop, and the newest keeps its content.
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/config-schema.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import type { FeedDefinition } from '../../src/feed-set/feed-set.ts';
import { renderAtom, renderAtomWithinBudget } from '../../src/render/atom.ts';
import { budgetDiagnostics, renderWithinBudget } from '../../src/render/feed-budget.ts';
import { renderJsonFeed, renderJsonFeedWithinBudget } from '../../src/render/json-feed.ts';
import { renderRss, renderRssWithinBudget } from '../../src/render/rss.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';
import { parseWithAll, type FeedFormat } from '../helpers/parsers.ts';

const RENDER = { rss: renderRssWithinBudget, atom: renderAtomWithinBudget, json: renderJsonFeedWithinBudget } as const;
const PLAIN = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;

/** Ten articles of ~20 KB of body each, newest first. */
function longFeed(config: ResolvedConfig): FeedDefinition {
  const body = `<p>${'Un long paragraphe de dépêche, avec des accents. '.repeat(400)}</p>`;
  const articles = Array.from({ length: 10 }, (_, i) => makeArticle({ html: body }, i + 1));
  return buildFeedSet(articles, config).main;
}

/** Which items, newest first, carry their full content as the feedsmith parser reads it back. */
async function withContent(body: string, format: FeedFormat): Promise<boolean[]> {
  const parsed = (await parseWithAll(body, format)).find((p) => p.parser === 'feedsmith')!;
  return parsed.items.map((i) => (i.contentHtml ?? '').length > 1000);
}

describe.each(['rss', 'atom', 'json'] as const)('the %s budget', (format) => {
  const big = makeConfig({ maxFeedBytes: 10_000_000 });
  const fullBytes = Buffer.byteLength(PLAIN[format](longFeed(big), big));

  it('leaves a feed that fits as it is', () => {
    const result = RENDER[format](longFeed(big), big);
    expect([result.summarized, result.dropped, result.bytes]).toEqual([0, 0, fullBytes]);
  });

  it.each([
    ['just under the full size', 1],
    ['at half the full size', 5],
    ['at a fifth of the full size', 8],
  ])('summarises the fewest oldest items that make the feed fit, %s', async (_, share) => {
    const max = share === 1 ? fullBytes - 1 : Math.floor((fullBytes * (10 - share)) / 10) + 2_000;
    const config = makeConfig({ maxFeedBytes: max });
    const feed = longFeed(config);
    const result = RENDER[format](feed, config);
    const content = await withContent(result.body, format);
    const expected = Array.from({ length: 10 }, (_, i) => i < 10 - result.summarized);
    expect([result.bytes <= max, result.dropped, content]).toEqual([true, 0, expected]);
    // One summary fewer would not fit: the search found the least.
    const lessSummarized = PLAIN[format]({ ...feed, articles: feed.articles.map((a, i) => (i < 10 - result.summarized + 1 ? a : { ...a, html: '' })) }, big);
    expect(Buffer.byteLength(lessSummarized)).toBeGreaterThan(max);
  });

  it('drops the oldest items when every older one as a summary is still too big, and warns', async () => {
    const feed = longFeed(big);
    const allSummarized = PLAIN[format]({ ...feed, articles: feed.articles.map((a, i) => (i === 0 ? a : { ...a, html: '' })) }, big);
    const config = makeConfig({ maxFeedBytes: Buffer.byteLength(allSummarized) - 1_500 });
    const result = RENDER[format](feed, config);
    const parsed = (await parseWithAll(result.body, format)).find((p) => p.parser === 'feedsmith')!;
    const warnings = budgetDiagnostics('/feed', result, config.maxFeedBytes);
    expect([
      result.bytes <= config.maxFeedBytes,
      result.dropped > 0,
      parsed.items.map((i) => i.id),
      (await withContent(result.body, format))[0],
      warnings.map((w) => [w.severity, w.code, w.file]),
    ]).toEqual([true, true, feed.articles.slice(0, 10 - result.dropped).map((a) => a.guid), true, [['warning', 'feed-over-budget', '/feed']]]);
  });

  it('still publishes the newest item in full when it alone is over budget, and says so', () => {
    const config = makeConfig({ maxFeedBytes: 5_000 });
    const result = RENDER[format](longFeed(config), config);
    const [warning] = budgetDiagnostics('/feed', result, config.maxFeedBytes);
    expect([result.dropped, result.summarized, warning?.message]).toEqual([9, 0, expect.stringMatching(/9 oldest items are left out, and is still \d+ bytes/)]);
  });
});

describe('renderWithinBudget', () => {
  it('renders about log2(limit) times, never once per item, to fit a 50-item feed', () => {
    const config = makeConfig({ limit: 50 });
    const articles = Array.from({ length: 50 }, (_, i) => makeArticle({ html: `<p>${'x'.repeat(10_000)}</p>` }, i + 1));
    const feed = buildFeedSet(articles, config).main;
    let renders = 0;
    const result = renderWithinBudget(feed, 300_000, (f) => {
      renders += 1;
      return renderRss(f, makeConfig({ maxFeedBytes: 100_000_000 }));
    });
    expect([result.bytes <= 300_000, result.summarized > 0, renders <= 1 + Math.ceil(Math.log2(50))]).toEqual([true, true, true]);
  });

  // Documents whose size is twice, exactly or half the bodies' bytes: the guess from the bodies is too few, right or
  // too many summaries, and every budget must still give the fewest summaries that fit (found here by trying each).
  it.each([
    ['twice', (html: string) => html + html],
    ['exactly', (html: string) => html],
    ['half', (html: string) => html.slice(0, html.length / 2)],
  ])('finds the fewest summaries for every budget when a document weighs %s its bodies', (_, weigh) => {
    const config = makeConfig();
    const articles = Array.from({ length: 12 }, (_, i) => makeArticle({ html: 'é'.repeat(100 + ((i * 37) % 90) * 10) }, i + 1));
    const feed = buildFeedSet(articles, config).main;
    const render = (f: FeedDefinition) => f.articles.map((a) => weigh(a.html) || 's').join('|');
    const sizeAt = (k: number) => Buffer.byteLength(render({ ...feed, articles: feed.articles.map((a, i) => (i < 12 - k ? a : { ...a, html: '' })) }));
    const sizes = Array.from({ length: 12 }, (_, k) => sizeAt(k));
    const mismatches = [];
    for (let max = sizes[11]!; max < sizes[0]!; max += 37) {
      const expected = sizes.findIndex((size) => size <= max);
      const found = renderWithinBudget(feed, max, render);
      if (found.summarized !== expected || found.dropped !== 0) mismatches.push([max, found.summarized, expected]);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws a TypeError for a budget of %s bytes', (max) => {
    const config = makeConfig();
    expect(() => renderWithinBudget(longFeed(config), max, () => '')).toThrow(TypeError);
  });
});
