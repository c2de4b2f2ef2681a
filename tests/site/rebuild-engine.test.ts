// The rebuild engine of a live site, called directly (in this thread): what each reply says changed, per mount path,
// and the lazy pages it renders on request.
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type BuildReply, type BuildRequest, createRebuildEngine } from '../../src/site/rebuild-engine.ts';
import { makeConfig } from '../helpers/factories.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const config = makeConfig();
const NOW = Date.parse('2024-12-01T12:00:00Z');
const root = useTempDir('gazette-engine-');
const itemsDir = () => path.join(root(), 'items');

let writes = 0;
/** Writes a record with its mtime an hour and more in the past (settled, outside the builder's racy window). */
async function put(name: string, title: string, date = '2024-11-20', body = `Le corps de « ${title} ».`): Promise<string> {
  const file = path.join(itemsDir(), name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\ntitle: "${title}"\ndate: ${date}\ncategories: [Société]\n---\n\n${body}\n`);
  const mtime = new Date(Date.now() - 3_600_000 + ++writes * 1_000);
  await utimes(file, mtime, mtime);
  return file;
}

const request = (overrides: Partial<BuildRequest> = {}): BuildRequest => ({
  mountPath: '',
  config,
  itemsDir: itemsDir(),
  displayDir: 'items',
  now: NOW,
  ...overrides,
});
/** The documents that show every article of the test records (all in Société): the feeds and the index pages. */
const LISTINGS = [
  '/',
  '/atom.xml',
  '/feed.json',
  '/feed.xml',
  '/categories/societe/',
  '/categories/societe/atom.xml',
  '/categories/societe/feed.json',
  '/categories/societe/feed.xml',
];
const paths = (reply: BuildReply) => ({
  changed: reply.changed.map((d) => d.path).sort(),
  retimed: (reply.retimed ?? []).map((d) => d.path).sort(),
  removed: [...reply.removed].sort(),
});

describe('createRebuildEngine', () => {
  describe('build', () => {
    it('answers a first build with every document, full', async () => {
      await put('maroc.md', 'Maroc');
      const reply = await createRebuildEngine().build(request());
      expect([reply.ok, reply.full, reply.removed, reply.articleCount, reply.recordCount]).toEqual([true, true, [], 1, 1]);
      expect(reply.changed.map((d) => d.path)).toEqual(expect.arrayContaining(['/feed.xml', '/atom.xml', '/feed.json', '/', '/articles/maroc/']));
    });

    it('replies with the identity bytes first and compresses the feeds after, leaving pages to the server', async () => {
      await put('maroc.md', 'Maroc');
      const { changed } = await createRebuildEngine().build(request());
      const feed = changed.find((d) => d.path === '/feed.xml')!;
      const page = changed.find((d) => d.path === '/articles/maroc/')!;
      const made = await feed.encodings;
      expect([
        'gzip' in feed,
        Buffer.from(gunzipSync(made!.gzip)).equals(Buffer.from(feed.identity)),
        Buffer.from(brotliDecompressSync(made!.br)).equals(Buffer.from(feed.identity)),
        page.encodings,
      ]).toEqual([false, true, true, undefined]);
    });

    it.each<[string, () => Promise<unknown>, string[], string[], string[]]>([
      ['nothing changed', async () => {}, [], [], []],
      // Its month's archive page shows its title only: the same bytes and date, not sent again. A deletion changes
      // that page and the sitemap, and moves the archive index's date, not its bytes.
      ['a record is edited', () => put('maroc.md', 'Maroc', '2024-11-20', 'Le corps, revu.'), [...LISTINGS, '/articles/maroc/'], [], []],
      [
        'a record is deleted',
        () => rm(path.join(itemsDir(), 'tunisie.md')),
        [...LISTINGS, '/archives/2024/11/', '/sitemap.xml'],
        ['/archives/'],
        ['/articles/tunisie/'],
      ],
    ])(
      'answers a later build, when %s, with what changed only (and the same bytes under a new date apart)',
      async (_label, change, changed, retimed, removed) => {
        await put('maroc.md', 'Maroc');
        await put('tunisie.md', 'Tunisie', '2024-11-19');
        const engine = createRebuildEngine();
        await engine.build(request());
        await change();
        const reply = await engine.build(request());
        expect({ full: reply.full, ...paths(reply) }).toEqual({ full: false, changed: [...changed].sort(), retimed, removed });
      },
    );

    it('says the build failed and changes nothing when the items folder is missing', async () => {
      const reply = await createRebuildEngine().build(request({ itemsDir: path.join(root(), 'absent') }));
      expect([reply.ok, reply.changed, reply.removed, reply.diagnostics.map((d) => d.code)]).toEqual([false, [], [], ['items-dir-missing']]);
    });

    it.each<[string, Partial<BuildRequest>, boolean]>([
      ['the same request', {}, false],
      ['another configuration', { config: makeConfig({ title: 'Autre titre' }) }, true],
      ['feeds only', { pages: false }, true],
      ['the ledger read', { ledger: 'read' }, true],
      ['future articles', { future: true }, true],
      ['lazy pages', { lazyPages: true }, true],
      ['another mount path', { mountPath: '/feeds', config: makeConfig({ siteUrl: 'https://example.org/feeds' }) }, true],
      ['another display name of the folder', { displayDir: 'articles' }, true],
      // A setting added to BuildSettings later keys the builder without a change here (build-settings.ts).
      ['a setting the engine does not name', { someNewSetting: true } as Partial<BuildRequest>, true],
      ['another instant only', { now: Date.parse('2024-11-22T09:00:00Z') }, false],
      ['a setting given as undefined (the same as absent)', { future: undefined } as unknown as Partial<BuildRequest>, false],
    ])('starts again from an empty snapshot (a full reply) for %s', async (_label, overrides, full) => {
      await put('maroc.md', 'Maroc');
      const engine = createRebuildEngine();
      await engine.build(request());
      expect((await engine.build(request(overrides))).full).toBe(full);
    });

    it('keeps each mount path’s builder: a build of one leaves the other’s next reply empty', async () => {
      await put('maroc.md', 'Maroc');
      const engine = createRebuildEngine();
      const feeds = request({ mountPath: '/feeds', config: makeConfig({ siteUrl: 'https://example.org/feeds' }) });
      await engine.build(request());
      await engine.build(feeds);
      const [again, feedsAgain] = [await engine.build(request()), await engine.build(feeds)];
      expect([again.full, again.changed, feedsAgain.full, feedsAgain.changed]).toEqual([false, [], false, []]);
    });

    it('holds a record dated after the request’s now until a build whose now has passed it', async () => {
      await put('maroc.md', 'Maroc');
      await put('demain.md', 'Demain', '"2024-12-02T08:00:00Z"');
      const engine = createRebuildEngine();
      const before = await engine.build(request());
      const after = await engine.build(request({ now: Date.parse('2024-12-02T09:00:00Z') }));
      expect([before.scheduled, before.nextDue?.toISOString(), before.articleCount, after.scheduled, after.nextDue, after.articleCount]).toEqual([
        1,
        '2024-12-02T08:00:00.000Z',
        1,
        0,
        // The news sitemap's next change: Demain leaves its 48-hour window.
        new Date('2024-12-04T08:00:00Z'),
        2,
      ]);
      expect(paths(after).changed).toContain('/articles/demain/');
    });
  });

  describe('with lazy pages', () => {
    const lazy = () => request({ lazyPages: true });

    it('names the article pages by key instead of sending them, and a new key when the article changes', async () => {
      await put('maroc.md', 'Maroc');
      const engine = createRebuildEngine();
      const first = await engine.build(lazy());
      await put('maroc.md', 'Maroc', '2024-11-20', 'Le corps, revu.');
      const second = await engine.build(lazy());
      // The other lazy documents (the archive month, the sitemaps) are named by key the same way.
      const articlePages = (reply: typeof first) => reply.pages.filter((p) => p.path.startsWith('/articles/'));
      expect([
        first.changed.some((d) => d.path === '/articles/maroc/'),
        articlePages(first).map((p) => p.path),
        articlePages(second).map((p) => p.path),
      ]).toEqual([false, ['/articles/maroc/'], ['/articles/maroc/']]);
      expect(articlePages(second)[0]!.key).not.toBe(articlePages(first)[0]!.key);
    });

    it('renders a page of the last build when asked', async () => {
      await put('maroc.md', 'Maroc');
      const engine = createRebuildEngine();
      await engine.build(lazy());
      const { doc, built } = await engine.renderPage({ mountPath: '', path: '/articles/maroc/' });
      expect([built, doc?.contentType, Buffer.from(doc!.identity).toString('utf8')]).toEqual([
        true,
        expect.stringMatching(/^text\/html/),
        expect.stringContaining('Maroc'),
      ]);
    });

    it.each<[string, (engine: ReturnType<typeof createRebuildEngine>) => Promise<unknown>, string, string, boolean]>([
      ['of a mount path this engine never built', async () => {}, '/feeds', '/articles/maroc/', false],
      ['that the build does not have', (engine) => engine.build(lazy()), '', '/articles/absent/', true],
    ])('renders nothing for a page %s', async (_label, setUp, mountPath, pagePath, built) => {
      await put('maroc.md', 'Maroc');
      const engine = createRebuildEngine();
      await setUp(engine);
      expect(await engine.renderPage({ mountPath, path: pagePath })).toEqual({ doc: undefined, built });
    });
  });
});
