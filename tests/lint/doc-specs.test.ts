import { describe, expect, it } from 'vitest';
import { atomDocOf, rssDocOf } from './doc-specs.ts';
import { atomDoc, atomEntry, rssDoc, rssItem } from './feed-docs.ts';

describe('the documents of the lint tables', () => {
  it.each([
    ['the valid RSS document', rssDocOf({}), rssDoc()],
    [
      'an RSS document with parts replaced',
      rssDocOf({ root: '<rss version="2.0">', head: { title: '<title>T</title>' }, items: [{}, { guid: '<guid>g</guid>', n: 1 }] }),
      rssDoc({ root: '<rss version="2.0">', head: { title: '<title>T</title>' }, items: [rssItem({}, 0), rssItem({ guid: '<guid>g</guid>' }, 1)] }),
    ],
    ['the valid Atom document', atomDocOf({}), atomDoc()],
    [
      'an Atom document with two entries',
      atomDocOf({ entries: [{ n: 2 }, { summary: '' }] }),
      atomDoc({ entries: [atomEntry({}, 2), atomEntry({ summary: '' })] }),
    ],
  ])('builds %s as feed-docs.ts does', (_label, built, expected) => {
    expect(built).toBe(expected);
  });

  it.each([
    ['an unknown part of the document', () => rssDocOf({ channel: {} }), /document: "channel" is not root, head or items/],
    ['an unknown part of an item', () => rssDocOf({ items: [{ titel: 'x' }] }), /items\[0\]: unknown part "titel"/],
    ['an unknown part of the head', () => atomDocOf({ head: { n: 1 } }), /head: unknown part "n"/],
    ['a part that is not a string', () => atomDocOf({ entries: [{ id: 1 }] }), /entries\[0\]\.id: expected a string, got 1/],
    ['items given to an Atom document', () => atomDocOf({ items: [] }), /document: "items" is not root, head or entries/],
  ])('throws naming %s', (_label, build, message) => {
    expect(build).toThrow(message);
  });
});
