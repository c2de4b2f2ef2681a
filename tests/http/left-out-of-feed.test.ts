import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { parseWithAll } from '../helpers/parsers.ts';
import { request, startSite, type TestSite } from './_lib/site-server.ts';

// A link the URL reader takes but the feed linter refuses ("|" may not appear in a URI, RFC 3986 §2): the article's
// text breaks the RSS feed, which must still be served to everyone, without that article.
const LINKED = '---\ntitle: "Un lien"\ndate: 2024-12-20\ncategories: [National]\nlink: "https://example.org/a|b"\n---\n\nCorps.\n';

let site: TestSite;
beforeAll(async () => {
  site = await startSite({ config: makeConfig(), watch: false, prepare: (dir) => writeFile(path.join(dir, 'lien.md'), LINKED) });
});
afterAll(() => site.close());

describe('a live site with an article whose text breaks the RSS feed', () => {
  it('serves /feed.xml with every other article, which every parser reads', async () => {
    const res = await request(site.port, '/feed.xml');
    const parsed = await parseWithAll(res.body.toString(), 'rss');
    const ids = parsed.map((p) => [p.parser, p.items.length > 0 && p.items.every((i) => !i.id?.endsWith(':lien'))]);
    expect([res.status, ids]).toEqual([
      200,
      [
        ['rss-parser', true],
        ['feedsmith', true],
        ['feed-extractor', true],
      ],
    ]);
  });

  it('serves the article in the JSON Feed, which it does not break', async () => {
    const feed = JSON.parse((await request(site.port, '/feed.json')).body.toString()) as { items: { id: string }[] };
    expect(feed.items.some((i) => i.id.endsWith(':lien'))).toBe(true);
  });

  it('lists the error on the record in /healthz, and says the site is degraded', async () => {
    const report = JSON.parse((await request(site.port, '/healthz')).body.toString()) as { status: string; diagnostics: string[] };
    const named = report.diagnostics.filter((d) => /lien\.md:5 link: left out of \/feed\.xml, whose line \d+ it breaks: /.test(d));
    expect([report.status, named.length]).toEqual(['degraded', 1]);
  });
});
