import { isFeedFormatType } from '../../src/_lib/feed-formats.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { LEDGER_FILE } from '../../src/lifecycle/ledger.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { createSiteBuilder, LazyPageError, type SiteBuild } from '../../src/site/site-builder.ts';
import { HTML_PAGE_LIMIT } from '../../src/render/html.ts';
import { planSite, renderPlanned } from '../../src/render/plan-site.ts';
import { renderSite } from '../../src/render/render-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { ledgerText } from '../helpers/ledger-text.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';

const config = makeConfig();
const record = (title: string, date: string, categories = '[Société]') =>
  `---\ntitle: "${title}"\ndate: ${date}\ncategories: ${categories}\n---\n\nLe corps de « ${title} ».\n`;

function bodies(build: SiteBuild): Map<string, string> {
  return new Map([...build.documents].map(([p, d]) => [p, d.body]));
}

describe('createSiteBuilder', () => {
  let itemsDir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ itemsDir, remove } = await makeItemsCopy());
  });
  afterEach(() => remove());

  const coldBuild = async () => (await buildSite(config, { itemsDir, displayDir: 'items' })).documents;

  describe('when nothing changed', () => {
    it('returns the very same document objects', async () => {
      const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items' });
      const first = await builder.build();
      const second = await builder.build();
      const same = [...second.documents].every(([p, d]) => first.documents.get(p) === d);
      expect([second.documents.size, first.documents.size > 0, same]).toEqual([first.documents.size, true, true]);
    });
  });

  describe('compared with the plan of the site', () => {
    it('builds in order what renderSite renders from the same feed set', async () => {
      const build = await createSiteBuilder(config, { itemsDir, displayDir: 'items' }).build();
      expect([...build.documents.values()]).toEqual(renderSite(build.feedSet!, config));
    });

    it('builds the feeds of the plan only, feeds only', async () => {
      const build = await createSiteBuilder(config, { itemsDir, displayDir: 'items', pages: false }).build();
      const planned = planSite(build.feedSet!, config, { pages: false }).map((d) => renderPlanned(d));
      expect({ documents: [...build.documents.values()], lazy: build.lazyPages.length }).toEqual({ documents: planned, lazy: 0 });
    });
  });

  describe.each([
    ['walking the folder', false],
    ['told which file changed', true],
  ])('when one record is edited, %s', (_label, hinted) => {
    it('gives the bytes of a cold build and re-renders only what shows the record', async () => {
      const file = path.join(itemsDir, 'ajout.md');
      await writeRecord(file, record('Première version', '2024-12-03'));
      const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items' });
      const first = await builder.build();
      await writeRecord(file, record('Seconde version', '2024-12-03'));
      const second = await builder.build(hinted ? { changed: [file] } : undefined);
      const cold = await coldBuild();
      const rerendered = [...second.documents].filter(([p, d]) => first.documents.get(p) !== d).map(([p]) => p);
      expect(bodies(second)).toEqual(new Map(cold.map((d) => [d.path, d.body])));
      // Its page, its feeds and the pages that list it; never an unrelated article's page.
      expect(rerendered.every((p) => !p.startsWith('/articles/') || p.includes('version'))).toBe(true);
      expect(rerendered).toContain('/feed.xml');
    });
  });

  describe('when a record is added and another deleted, told by a hint', () => {
    it('gives the bytes of a cold build', async () => {
      const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items' });
      const first = await builder.build();
      const gone = path.join(itemsDir, [...first.documents.keys()].length > 0 ? 'rentree-universitaire.md' : '');
      const added = path.join(itemsDir, 'sub', 'nouveau.md');
      await rm(gone, { force: true });
      await writeRecord(path.join(itemsDir, 'nouveau.md'), record('Un nouvel article', '2024-12-04'));
      const second = await builder.build({ changed: [gone, path.join(itemsDir, 'nouveau.md'), added] });
      expect(bodies(second)).toEqual(new Map((await coldBuild()).map((d) => [d.path, d.body])));
    });
  });

  describe('with keepLastGood, when a record becomes invalid', () => {
    it('keeps publishing its last good version and says so', async () => {
      const file = path.join(itemsDir, 'ajout.md');
      await writeRecord(file, record('Version valide', '2024-12-03'));
      const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items', keepLastGood: true });
      await builder.build();
      await writeRecord(file, record('Version cassée', '30 février 2024'));
      const second = await builder.build({ changed: [file] });
      expect({
        kept: second.kept,
        inFeed: second.documents.get('/feed.xml')?.body.includes('Version valide'),
        error: second.diagnostics.some((d) => d.severity === 'error' && d.file === 'items/ajout.md' && d.source === 'record'),
      }).toEqual({ kept: ['items/ajout.md'], inFeed: true, error: true });
    });

    it('without it (gazette build), the invalid record is simply not published', async () => {
      const file = path.join(itemsDir, 'ajout.md');
      await writeRecord(file, record('Version valide', '2024-12-03'));
      const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items' });
      await builder.build();
      await writeRecord(file, record('Version cassée', '30 février 2024'));
      const second = await builder.build({ changed: [file] });
      expect([second.kept, second.documents.get('/feed.xml')?.body.includes('Version valide')]).toEqual([[], false]);
    });
  });

  describe('with pages: false', () => {
    it('renders the feeds and no HTML page', async () => {
      const build = await createSiteBuilder(config, { itemsDir, pages: false }).build();
      const paths = [...build.documents.keys()];
      expect([paths.includes('/feed.xml'), paths.some((p) => p.endsWith('/'))]).toEqual([true, false]);
    });
  });

  describe('diagnostics', () => {
    it('name their source', async () => {
      await writeRecord(path.join(itemsDir, 'casse.md'), '---\ntitle: [pas fermé\n---\n');
      const build = await createSiteBuilder(config, { itemsDir, displayDir: 'items' }).build();
      const broken = build.diagnostics.filter((d) => d.file === 'items/casse.md');
      expect([broken.length > 0, broken.every((d) => d.source === 'record')]).toEqual([true, true]);
    });
  });
});

describe('the publication ledger under two mount paths', () => {
  it('sees one article, not a correction, when the same records are built under / and /feeds', async () => {
    const { itemsDir, remove } = await makeItemsCopy();
    try {
      let clock = Date.parse('2026-01-01T00:00:00Z');
      const now = () => (clock += 60_000);
      // Fresh builders each time, as separate processes (a server, then `gazette build`) read what the other wrote.
      const root = () => createSiteBuilder(config, { itemsDir, ledger: 'update', now });
      const feeds = () => createSiteBuilder({ ...config, siteUrl: `${config.siteUrl}/feeds` }, { itemsDir, ledger: 'update', now });
      for (let round = 0; round < 3; round += 1) {
        await root().build();
        await feeds().build();
      }
      const last = await root().build();
      const moved = last.feedSet?.articles.filter((a) => a.updated.getTime() >= Date.parse('2026-01-01T00:00:00Z')) ?? [];
      expect(moved.map((a) => a.id)).toEqual([]);
    } finally {
      await remove();
    }
  });
});

describe('an article whose title holds the text of a character reference (issue 16)', () => {
  it.each(['&#x0;', '&#1;', '&amp;#0;', ']]>&#x0;<![CDATA['])('publishes every feed that lists "Titre %s fin", without an error', async (text) => {
    const { itemsDir, remove } = await makeItemsCopy();
    try {
      await writeRecord(path.join(itemsDir, 'encodage.md'), record(`Titre ${text} fin`, '2024-12-20'));
      const build = await createSiteBuilder(config, { itemsDir, displayDir: 'items', pages: false }).build();
      const listing = [build.feedSet!.main, ...build.feedSet!.categories].filter((f) => f.articles.some((a) => a.file === 'items/encodage.md'));
      const feeds = listing.flatMap((f) => ['feed.xml', 'atom.xml', 'feed.json'].map((name) => `${f.path}/${name}`));
      expect({
        listed: listing.length >= 2,
        published: feeds.filter((p) => !build.documents.get(p)?.body.includes('encodage')),
        withheld: build.withheld,
        errors: build.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
      }).toEqual({ listed: true, published: [], withheld: [], errors: [] });
    } finally {
      await remove();
    }
  });
});

// A link holding characters RFC 3986 does not allow raw (| [ ] ^ { } `) once broke the RSS and Atom feeds and was
// left out of them. The URL reader now percent-encodes them, so such an article is published in every feed; no value
// a record reader takes is known to break a feed any more, and the gate itself is proven in lint-gate.test.ts.
describe('an article whose link holds characters a URI may not hold raw (| [ ] { } `: RFC 3986 §2)', () => {
  it('is published in every feed with its link percent-encoded, and no error', async () => {
    const { itemsDir, remove } = await makeItemsCopy();
    try {
      await writeRecord(
        path.join(itemsDir, 'lien.md'),
        '---\ntitle: "Un lien"\ndate: 2024-12-20\ncategories: [Société]\nlink: "https://fr.wikipedia.org/wiki/A|b_[c]?q={`x`}"\n---\n\nCorps.\n',
      );
      const build = await createSiteBuilder(config, { itemsDir, displayDir: 'items', pages: false }).build();
      const encoded = 'https://fr.wikipedia.org/wiki/A%7Cb_%5Bc%5D?q=%7B%60x%60%7D';
      const feeds = ['/feed.xml', '/atom.xml', '/feed.json', '/categories/societe/feed.xml', '/categories/societe/atom.xml', '/categories/societe/feed.json'];
      const shows = (p: string) => {
        const body = build.documents.get(p)?.body ?? 'withheld';
        return body.includes(':lien') && body.includes(encoded);
      };
      expect({
        shown: feeds.map(shows),
        errors: build.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
        withheld: build.withheld,
      }).toEqual({ shown: feeds.map(() => true), errors: [], withheld: [] });
    } finally {
      await remove();
    }
  });
});

describe('a feeds-only build, which renders only the bodies its feeds show', () => {
  it('writes feeds byte-identical to those of a full build, with a small limit and a one-file edit', async () => {
    const { itemsDir, remove } = await makeItemsCopy();
    try {
      const small = makeConfig({ limit: 2 });
      const feedsOf = (build: SiteBuild) => new Map([...build.documents].filter(([, d]) => isFeedFormatType(d.contentType)).map(([p, d]) => [p, d.body]));
      const feedsOnly = createSiteBuilder(small, { itemsDir, displayDir: 'items', pages: false });
      const first = await feedsOnly.build();
      expect(feedsOf(first)).toEqual(feedsOf(await createSiteBuilder(small, { itemsDir, displayDir: 'items' }).build()));
      const file = path.join(itemsDir, 'ajout.md');
      await writeRecord(file, record('Tout dernier article', '2024-12-31'));
      const second = await feedsOnly.build({ changed: [file] });
      const full = await createSiteBuilder(small, { itemsDir, displayDir: 'items' }).build();
      expect([feedsOf(second), second.documents.get('/feed.xml')?.body.includes('Le corps de « Tout dernier article »')]).toEqual([feedsOf(full), true]);
    } finally {
      await remove();
    }
  });
});

describe('a streaming build (retainPages: false), which keeps articles without their bodies', () => {
  let itemsDir: string;
  let remove: () => Promise<void>;
  // One folder for the file: the tests only add `ajout.md`, removed after each, and build with builders of their own.
  beforeAll(async () => {
    ({ itemsDir, remove } = await makeItemsCopy());
    // More articles than the index and a category page list: the older ones are shown by their own pages only.
    for (let day = 1; day <= HTML_PAGE_LIMIT + 5; day++) {
      const date = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
      await writeRecord(path.join(itemsDir, `archive-${day}.md`), record(`Archive du jour ${day}`, date, '[Sport]'));
    }
  });
  afterEach(() => rm(path.join(itemsDir, 'ajout.md'), { force: true }));
  afterAll(() => remove());

  /** Every document of a streaming build, its lazy pages rendered. */
  async function streamed(build: SiteBuild): Promise<Map<string, string>> {
    const all = bodies(build);
    for (const page of build.lazyPages) all.set(page.path, (await page.render()).body);
    return all;
  }

  it.each([
    ['the default limit', makeConfig()],
    // Feeds and listings show fewer articles than there are: most pages read their bodies again from the files.
    ['a feed limit of 1', makeConfig({ limit: 1 })],
  ])('gives the bytes of a build that keeps every page, with %s', async (_label, someConfig) => {
    const kept = bodies(await createSiteBuilder(someConfig, { itemsDir, displayDir: 'items' }).build());
    const build = await createSiteBuilder(someConfig, { itemsDir, displayDir: 'items', retainPages: false }).build();
    expect(build.lazyPages.length).toBeGreaterThan(HTML_PAGE_LIMIT);
    expect(await streamed(build)).toEqual(kept);
  });

  it('names each lazy page by what it is made from: only the page and the archive month of an edited record get another source key', async () => {
    const file = path.join(itemsDir, 'ajout.md');
    await writeRecord(file, record('Première version', '2019-01-03', '[Sport]'));
    const sources = async () => {
      const build = await createSiteBuilder(config, { itemsDir, displayDir: 'items', retainPages: false }).build();
      return new Map(build.lazyPages.flatMap((p) => (p.source === undefined ? [] : [[p.path, p.source] as const])));
    };
    const before = await sources();
    await writeRecord(file, record('Première version', '2019-01-03', '[Sport]').replace('Le corps', 'Le nouveau corps'));
    const after = await sources();
    const changed = [...after].filter(([p, s]) => before.get(p) !== s).map(([p]) => p);
    expect([before.size > HTML_PAGE_LIMIT, [...after.keys()]]).toEqual([true, [...before.keys()]]);
    expect(changed).toEqual(['/archives/2019/01/', '/articles/premiere-version/']);
  });

  it('renders the page of a record edited after the build read it from the bytes the build read (a page never mixes two versions)', async () => {
    const file = path.join(itemsDir, 'ajout.md');
    await writeRecord(file, record('Première version', '2019-01-03', '[Sport]'));
    const build = await createSiteBuilder(makeConfig({ limit: 1 }), { itemsDir, displayDir: 'items', retainPages: false }).build();
    await writeRecord(file, record('Première version', '2019-01-03', '[Sport]').replace('Le corps', 'Un autre corps'));
    const page = await build.lazyPages.find((p) => p.path === '/articles/premiere-version/')?.render();
    expect([String(page?.body).includes('Le corps'), String(page?.body).includes('Un autre corps')]).toEqual([true, false]);
  });

  it('refuses to render the page of a record edited after the build read it, when it kept no bytes (a page never mixes two versions)', async () => {
    const file = path.join(itemsDir, 'ajout.md');
    await writeRecord(file, record('Première version', '2019-01-03', '[Sport]'));
    const build = await createSiteBuilder(makeConfig({ limit: 1 }), { itemsDir, displayDir: 'items', retainPages: false, keptBytes: 0 }).build();
    await writeRecord(file, record('Première version', '2019-01-03', '[Sport]').replace('Le corps', 'Un autre corps'));
    const page = build.lazyPages.find((p) => p.path === '/articles/premiere-version/');
    await expect(page?.render()).rejects.toThrow(LazyPageError);
    await expect(page?.render()).rejects.toThrow(/items\/ajout\.md|changed since the build read it/);
  });
});

// The last two blocks run at once (describe.concurrent): each has folders of its own, and one waits on file I/O while
// the other parses megabytes.
describe.concurrent('a feed over the hard size limit', () => {
  it('is withheld, with its lint error, and the other documents are still built', async ({ expect }) => {
    const { itemsDir, remove } = await makeItemsCopy();
    try {
      // Six records of ~900 KB each: the main feeds pass 5 MB, the W3C-derived hard limit of the linter (five do not).
      // In no category, so only the main feeds (not a category's as well) are rendered and linted at that size.
      const paragraph = `${'Un long paragraphe de compte rendu. '.repeat(25)}\n\n`;
      for (let i = 0; i < 6; i += 1) {
        await writeRecord(path.join(itemsDir, `long-${i}.md`), record(`Compte rendu ${i}`, `2024-12-1${i}`, '[]') + paragraph.repeat(1000));
      }
      // A budget above the hard limit (maxFeedBytes would otherwise cut the feed to 1 MiB): the linter's limit stays.
      const unbudgeted = { ...config, maxFeedBytes: 50_000_000 };
      const build = await createSiteBuilder(unbudgeted, { itemsDir, displayDir: 'items', pages: false }).build();
      const withheldErrors = build.diagnostics.filter((d) => d.severity === 'error' && d.source === 'feed' && build.withheld.includes(d.file));
      expect({
        rssWithheld: build.withheld.includes('/feed.xml'),
        rssAbsent: build.documents.has('/feed.xml'),
        reported: withheldErrors.length > 0,
        othersBuilt: build.documents.size > 0,
      }).toEqual({ rssWithheld: true, rssAbsent: false, reported: true, othersBuilt: true });
    } finally {
      await remove();
    }
  }, 60_000);
});

describe.concurrent('a live builder over many articles, after each kind of hinted change', () => {
  // Two copies of one folder: the same changes made to both, one built incrementally by a builder kept between
  // changes, the other by a new builder each time (a cold build). With a small feed limit, a category of more
  // articles than a page lists, one between the two and one below the limit, so every way a category page's list
  // is found is taken; with the ledger, so its text and warnings are compared too.
  const limited = makeConfig({ limit: 3 });
  const NOW = Date.parse('2025-01-01T00:00:00Z');
  const categoryOf = (n: number) => (n === 0 || n === 100 ? '[Culture, Rare]' : n % 10 === 0 || (n < 20 && n % 2 === 0) ? '[Culture]' : '[Sport]');
  const date = (n: number) => `2024-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:00`;
  type Change = readonly [string, (dir: string) => Promise<readonly string[]>];
  const changes: Change[] = [
    ['an edit that keeps the date order', async (dir) => [await put(dir, 'a/010.md', record('Titre corrigé 10', date(10), categoryOf(10)))]],
    ['an edit that makes an article the newest', async (dir) => [await put(dir, 'a/050.md', record('Article 50', '2024-12-31 23:00', '[Sport]'))]],
    ['an edit that moves an article to another category', async (dir) => [await put(dir, 'a/011.md', record('Article 11', date(11), '[Culture]'))]],
    [
      'a file moved to another name',
      async (dir) => {
        await rm(path.join(dir, 'a/012.md'));
        return [path.join(dir, 'a/012.md'), await put(dir, 'b/douze.md', record('Article 12', date(12), categoryOf(12)))];
      },
    ],
    [
      'a file deleted',
      async (dir) => {
        await rm(path.join(dir, 'a/013.md'));
        return [path.join(dir, 'a/013.md')];
      },
    ],
    [
      'an edit hinted along with the ledger and a file that does not exist',
      async (dir) => [
        path.join(dir, LEDGER_FILE),
        path.join(dir, 'a/absent.md'),
        await put(dir, 'a/030.md', record('Article 30 revu', date(30), categoryOf(30))),
      ],
    ],
    ['a file added', async (dir) => [await put(dir, 'a/200.md', record('Article 200', '2024-06-15 12:00', '[Culture]'))]],
    [
      'one file written twice in one hint',
      async (dir) => {
        const file = await put(dir, 'a/020.md', record('Brouillon 20', date(20), categoryOf(20)));
        await put(dir, 'a/020.md', record('Article 20 revu', date(20), '[Sport, Culture]'));
        return [file, file];
      },
    ],
  ];

  const put = (dir: string, name: string, text: string): Promise<string> => writeRecord(path.join(dir, name), text);

  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gazette-builder-'));
    for (const side of ['live', 'cold']) {
      for (let n = 0; n < 130; n++) await put(path.join(root, side), `a/${String(n).padStart(3, '0')}.md`, record(`Article ${n}`, date(n), categoryOf(n)));
    }
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('gives what a cold build gives: documents, diagnostics, redirects and the ledger bytes', async ({ expect }) => {
    const options = { displayDir: 'items', ledger: 'update', keepLastGood: true, now: () => NOW } as const;
    const live = createSiteBuilder(limited, { ...options, itemsDir: path.join(root, 'live') });
    // The reference side reads with synchronous calls, as `gazette build` does: nothing else shares the thread.
    const coldBuild = () => createSiteBuilder(limited, { ...options, itemsDir: path.join(root, 'cold'), syncReads: true }).build();
    const summary = async (build: SiteBuild, side: string) => ({
      documents: bodies(build),
      diagnostics: build.diagnostics.map(formatDiagnostic),
      redirects: build.redirects,
      ledger: await ledgerText(path.join(root, side)),
    });
    let final = await coldBuild();
    expect(await summary(await live.build(), 'live')).toEqual(await summary(final, 'cold'));
    for (const [label, change] of changes) {
      const hint = await change(path.join(root, 'live'));
      await change(path.join(root, 'cold'));
      const incremental = await summary(await live.build({ changed: hint }), 'live');
      final = await coldBuild();
      expect({ label, ...incremental }).toEqual({ label, ...(await summary(final, 'cold')) });
    }
    // The category pages were listed each way: one beyond a page's list, one between the feed limit and it, one below.
    const sizes = new Map(
      final.feedSet!.categories.map((f) => [
        f.category?.slug,
        final.feedSet!.articles.filter((a) => a.categories.some((c) => c.slug === f.category?.slug)).length,
      ]),
    );
    expect(sizes.get('sport')).toBeGreaterThan(HTML_PAGE_LIMIT + 1);
    expect([sizes.get('culture')! > 3, sizes.get('culture')! <= HTML_PAGE_LIMIT, sizes.get('rare')]).toEqual([true, true, 2]);
  });
});
