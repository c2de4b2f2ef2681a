import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { CLOCK_RULES, RULE_W3C, STRICTER_ON_PURPOSE, w3cClassOf } from '../../src/lint/rules.ts';
import { atomDoc, atomEntry, jsonDoc, jsonItem, NOW, rssDoc, rssItem } from './feed-docs.ts';

const LINT_DIR = path.resolve(import.meta.dirname, '../../src/lint');
/** Every rule code the linter's source reports, read from its `report.error('…'` / `report.warning('…'` calls. */
const reported = new Set(
  readdirSync(LINT_DIR)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(path.join(LINT_DIR, f), 'utf8').matchAll(/report\.(?:error|warning)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!)),
);

describe('the rule catalog', () => {
  it('finds the reporting calls it checks', () => {
    expect(reported.size).toBeGreaterThan(60);
  });
  it.each([...reported].sort())('names the W3C class of %s, or null on purpose', (code) => {
    expect(Object.hasOwn(RULE_W3C, code)).toBe(true);
  });
  it('throws for a code missing from the catalog', () => {
    expect(() => w3cClassOf('no-such-rule')).toThrow(/RULE_W3C/);
  });
  it('lists only catalogued rules as stricter on purpose or clock-dependent', () => {
    for (const code of [...STRICTER_ON_PURPOSE, ...CLOCK_RULES]) expect(Object.hasOwn(RULE_W3C, code)).toBe(true);
  });
});

describe('findings', () => {
  it.each([
    ['RSS', rssDoc({ items: [rssItem({ link: '<link>/a/</link>', pubDate: '<pubDate>22 novembre 2024</pubDate>' })] }), 'rss' as const],
    ['Atom', atomDoc({ head: { self: '<!-- -->' }, entries: [atomEntry({ id: '<id>tag:example.org:a</id>' })] }), 'atom' as const],
  ])('carry the W3C class of their rule in %s', (_label, body, format) => {
    const found = lintFeed({ path: '/f', body, format, now: NOW });
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((d) => typeof d.w3c === 'string')).toBe(true);
  });
  it('carry no W3C class in JSON Feed, which the validator does not read', () => {
    const found = lintFeed({ path: '/f', body: jsonDoc({ feed_url: '/feed.json' }, [jsonItem({ id: 3 })]), format: 'json', now: NOW });
    expect(found.length).toBe(2);
    expect(found.map((d) => d.w3c)).toEqual([undefined, undefined]);
  });
  it('mark the findings that depend on the clock, and only those', () => {
    const future = rssDoc({ items: [rssItem({ pubDate: '<pubDate>Sat, 22 Nov 2025 00:00:00 +0100</pubDate>' })] });
    const found = lintFeed({ path: '/f', body: future, format: 'rss', now: NOW });
    expect(found.map((d) => [d.code, d.clock ?? false])).toEqual([['date-future', true]]);
    expect(lintFeed({ path: '/f', body: rssDoc({ items: [rssItem({ link: '<link>/a/</link>' })] }), format: 'rss', now: NOW }).map((d) => d.clock)).toEqual([
      undefined,
    ]);
  });
});
