import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { parseWithAll } from '../helpers/parsers.ts';
import { request, startSite, type TestSite } from './_lib/site-server.ts';

// A link holding "|" (which may not appear raw in a URI, RFC 3986 §2) once broke the RSS feed, and the article was
// left out of it. The URL reader now percent-encodes it, so the live site serves the article in every feed with the
// encoded link, and /healthz has nothing to say. No value a record reader takes is known to break a feed any more:
// the gate that would leave such an article out is proven on its own in tests/site/lint-gate.test.ts.
const LINKED = '---\ntitle: "Un lien"\ndate: 2024-12-20\ncategories: [National]\nlink: "https://example.org/a|b"\n---\n\nCorps.\n';
const ENCODED = 'https://example.org/a%7Cb';

let site: TestSite;
beforeAll(async () => {
  site = await startSite({ config: makeConfig(), watch: false, prepare: (dir) => writeFile(path.join(dir, 'lien.md'), LINKED) });
});
afterAll(() => site.close());

describe('a live site with an article whose link holds "|"', () => {
  it.each([
    ['/feed.xml', 'rss'],
    ['/atom.xml', 'atom'],
  ] as const)('serves %s with the article and its encoded link, which every parser reads', async (route, format) => {
    const res = await request(site.port, route);
    const parsed = await parseWithAll(res.body.toString(), format);
    const links = parsed.map((p) => [p.parser, p.items.find((i) => i.id?.endsWith(':lien'))?.link]);
    expect([res.status, links]).toEqual([200, parsed.map((p) => [p.parser, ENCODED])]);
  });

  it('serves the article in the JSON Feed with its encoded link', async () => {
    const feed = JSON.parse((await request(site.port, '/feed.json')).body.toString()) as { items: { id: string; url: string }[] };
    expect(feed.items.find((i) => i.id.endsWith(':lien'))?.url).toBe(ENCODED);
  });

  it('reports nothing about the record in /healthz', async () => {
    const report = JSON.parse((await request(site.port, '/healthz')).body.toString()) as { status: string; diagnostics: string[] };
    expect([report.status, report.diagnostics.filter((d) => d.includes('lien.md'))]).toEqual(['ok', []]);
  });
});
