import { describe, expect, it } from 'vitest';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderRss } from '../../src/render/rss.ts';
import { findItemSpans, spanAt } from '../../src/site/item-spans.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const config = makeConfig();
// The second title holds what a careless reader of the raw text would take for an item of its own.
const articles = [
  makeArticle({ title: 'Premier' }, 1),
  makeArticle({ title: '<item> </entry> { "items": [] } <![CDATA[' }, 2),
  makeArticle({ title: 'Troisième' }, 3),
  makeArticle({ title: 'Quatrième' }, 4),
];
const feed = buildFeedSet(articles, config).main;
const documents = { rss: renderRss(feed, config), atom: renderAtom(feed, config), json: renderJsonFeed(feed, config) };
const ITEM_START = { rss: '<item>', atom: '<entry>', json: '{' };
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('findItemSpans', () => {
  describe.each(['rss', 'atom', 'json'] as const)('in a %s document', (format) => {
    const body = documents[format];
    const lines = body.split('\n');
    const { items: spans, complete } = findItemSpans(body, format);

    it('finds one span per item, in the order of the articles, and says it found them all', () => {
      const texts = spans.map((s) => lines.slice(s.first - 1, s.last).join('\n'));
      expect([texts.map((t) => articles.findIndex((a) => t.includes(a.guid))), complete]).toEqual([[0, 1, 2, 3], true]);
    });

    it('starts each span on the line of the item’s start', () => {
      expect(spans.map((s) => lines[s.first - 1]!.trim().startsWith(ITEM_START[format]))).toEqual([true, true, true, true]);
    });

    it('names the field that holds a title line', () => {
      const line = lineOf(body, body.indexOf('Troisième'));
      expect(spanAt(spanAt(spans, line)!.fields, line)?.name).toBe('title');
    });

    it('puts no line of the channel or feed head in a span', () => {
      const head = lineOf(body, body.indexOf(config.title));
      expect(spanAt(spans, head)).toBeUndefined();
    });
  });

  describe.each([
    ['rss', '<title><![CDATA[Troisième]]></title>', '<title>Troisième <</title>'],
    ['atom', '<title type="text">Troisième</title>', '<title type="text">Troisième <</title>'],
    ['json', '"title": "Troisième"', '"title": "Troisième'],
  ] as const)('in a %s document malformed inside its third item of four', (format, good, bad) => {
    const body = documents[format].replace(good, bad);
    const line = lineOf(body, body.indexOf('Troisième'));

    it('finds the items up to the one the error cut short, which holds the error’s line, and says the list is partial', () => {
      expect(body).not.toBe(documents[format]);
      const { items, complete } = findItemSpans(body, format);
      expect([items.length, items.indexOf(spanAt(items, line)!), complete]).toEqual([3, 2, false]);
    });
  });
});
