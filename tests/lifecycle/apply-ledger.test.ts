import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { applyLedger, type ApplyLedgerResult } from '../../src/lifecycle/apply-ledger.ts';
import { contentHash } from '../../src/lifecycle/content-hash.ts';
import { EMPTY_LEDGER, parseLedger, serializeLedger, type Ledger } from '../../src/lifecycle/ledger.ts';
import { makeArticle, makeImage } from '../helpers/factories.ts';

const T1 = new Date('2024-11-22T08:00:00.400Z');
const T2 = new Date('2024-11-23T09:15:30.900Z');
const T3 = new Date('2024-11-24T10:00:00.000Z');
const PUBLISHED = new Date('2024-11-21T06:00:00Z');

/** One build: what the pipeline would pass for these articles at this instant. */
function build(articles: Article[], ledger: Ledger, now: Date, pages = true): ApplyLedgerResult {
  return applyLedger({ articles, ledger, now, pages, file: 'items/.published.json' });
}

/** A fresh copy of the same record, as a rebuild reads it again. */
function article(overrides: Partial<Article> = {}): Article {
  return makeArticle({
    id: 'rugby',
    slug: 'le-xv-de-france',
    title: 'Le XV de France',
    date: PUBLISHED,
    link: 'https://example.org/articles/le-xv-de-france/',
    file: 'items/rugby.md',
    ...overrides,
  });
}

const printed = (r: ApplyLedgerResult) => r.diagnostics.map(formatDiagnostic);
const strip = (a: Article) => ({ id: a.id, guid: a.guid, date: a.date.toISOString(), updated: a.updated.toISOString() });

describe('applyLedger', () => {
  describe('when an article is published for the first time', () => {
    const result = build([article()], EMPTY_LEDGER, T1);

    it('leaves the article as it is', () => {
      expect(strip(result.articles[0]!)).toEqual({
        id: 'rugby',
        guid: 'tag:example.org,2024-01-01:rugby',
        date: PUBLISHED.toISOString(),
        updated: PUBLISHED.toISOString(),
      });
    });

    it('records its guid, page path, hash and the build instant in whole seconds', () => {
      expect(result.ledger.get('rugby')).toEqual({
        id: 'rugby',
        guid: 'tag:example.org,2024-01-01:rugby',
        published: new Date('2024-11-22T08:00:00.000Z'),
        hash: contentHash(article()),
        place: expect.stringMatching(/^[0-9a-f]{16}$/),
        paths: ['/articles/le-xv-de-france/'],
        aliases: [],
      });
    });

    it('reports nothing and redirects nothing', () => {
      expect(result.diagnostics).toEqual([]);
      expect(result.redirects).toEqual([]);
    });
  });

  describe('when the same inputs are built again later', () => {
    it.each([
      ['a new article', () => [article()]],
      ['a corrected article', () => [article({ sourceHash: '<p>Corrigé.</p>' })]],
      ['a retitled article', () => [article({ slug: 'nouveau-titre', title: 'Nouveau titre' })]],
      ['a moved file', () => [article({ id: '2024/11/rugby', file: 'items/2024/11/rugby.md' })]],
      ['a deleted article', () => [makeArticle({ id: 'autre', slug: 'autre', title: 'Autre', date: PUBLISHED })]],
    ])('%s gives an identical ledger and identical articles', (_, change) => {
      const first = build([article()], EMPTY_LEDGER, T1);
      const second = build(change(), first.ledger, T2);
      // Through the file, as the next process would read it.
      const reread = parseLedger(serializeLedger(second.ledger), 'x').value;
      const third = build(change(), reread, T3);
      expect(serializeLedger(third.ledger)).toBe(serializeLedger(second.ledger));
      expect(third.articles).toEqual(second.articles);
      expect(third.redirects).toEqual(second.redirects);
      expect(third.diagnostics).toEqual([]);
    });
  });

  describe('when the content changes after publication (a correction)', () => {
    it.each([
      ['title', { title: 'Le XV de France gagne' }],
      ['body or summary as written', { sourceHash: '<p>Texte corrigé.</p>' }],
      ['categories', { categories: [{ slug: 'sport', name: 'Sport' }] }],
      ['authors', { authors: [{ name: 'Paul Martin' }] }],
      ['image', { image: makeImage('https://example.org/images/xv.jpg') }],
      ['link', { link: 'https://example.org/ailleurs/' }],
    ] as [string, Partial<Article>][])('a new %s moves updated to the build that saw it, never the date', (_, change) => {
      const first = build([article()], EMPTY_LEDGER, T1);
      const second = build([article(change)], first.ledger, T2);
      expect(strip(second.articles[0]!)).toEqual({
        id: 'rugby',
        guid: 'tag:example.org,2024-01-01:rugby',
        date: PUBLISHED.toISOString(),
        updated: '2024-11-23T09:15:30.000Z',
      });
      expect(second.ledger.get('rugby')?.updated).toEqual(new Date('2024-11-23T09:15:30.000Z'));
    });

    it.each([
      ['date', { date: new Date('2024-11-20T06:00:00Z') }],
      ['draft-free fields such as file', { file: 'items/ailleurs.md' }],
      ['rendering of the same source (a Gazette upgrade)', { html: '<p>Autre rendu.</p>', summary: 'Autre résumé dérivé.' }],
    ] as [string, Partial<Article>][])('a new %s is not a correction', (_, change) => {
      const first = build([article()], EMPTY_LEDGER, T1);
      const second = build([article(change)], first.ledger, T2);
      expect(second.articles[0]!.updated).toEqual(second.articles[0]!.date);
      expect(second.ledger.get('rugby')?.updated).toBeUndefined();
    });

    it('keeps the updated of the record when the record sets one', () => {
      const own = new Date('2024-11-21T12:00:00Z');
      const first = build([article()], EMPTY_LEDGER, T1);
      const second = build([article({ sourceHash: '<p>Corrigé.</p>', updated: own, updatedFromRecord: true })], first.ledger, T2);
      expect(second.articles[0]!.updated).toEqual(own);
    });

    it('keeps the first correction instant until the content changes again', () => {
      const first = build([article()], EMPTY_LEDGER, T1);
      const second = build([article({ sourceHash: '<p>Un.</p>' })], first.ledger, T2);
      const third = build([article({ sourceHash: '<p>Un.</p>' })], second.ledger, T3);
      const fourth = build([article({ sourceHash: '<p>Deux.</p>' })], third.ledger, new Date('2024-11-25T00:00:00Z'));
      expect([second, third, fourth].map((r) => r.articles[0]!.updated.toISOString())).toEqual([
        '2024-11-23T09:15:30.000Z',
        '2024-11-23T09:15:30.000Z',
        '2024-11-25T00:00:00.000Z',
      ]);
    });
  });

  describe('when a record file moves or is renamed', () => {
    const first = build([article()], EMPTY_LEDGER, T1);
    const moved = () => article({ id: '2024/11/rugby', guid: 'tag:example.org,2024-01-01:2024/11/rugby', file: 'items/2024/11/rugby.md' });
    const second = build([moved()], first.ledger, T2);

    it('keeps the id and guid of the published article with the same content', () => {
      expect(strip(second.articles[0]!)).toMatchObject({ id: 'rugby', guid: 'tag:example.org,2024-01-01:rugby' });
    });

    it('says so, naming the new file', () => {
      expect(printed(second)).toEqual([
        'items/2024/11/rugby.md id: warning: same content as the published article "rugby", whose record is gone: a moved file,' +
          ' so it keeps id "rugby" and its guid (write id: "rugby" in the record to make it explicit)',
      ]);
    });

    it('remembers the new path, so a later edit keeps the id too', () => {
      expect(second.ledger.get('rugby')?.aliases).toEqual(['2024/11/rugby']);
      const third = build([{ ...moved(), sourceHash: '<p>Corrigé après le déplacement.</p>' }], second.ledger, T3);
      expect(strip(third.articles[0]!)).toMatchObject({ id: 'rugby', guid: 'tag:example.org,2024-01-01:rugby', updated: T3.toISOString() });
      expect(third.diagnostics).toEqual([]);
    });

    it('does not adopt an id when the record sets its own', () => {
      const own = build([{ ...moved(), id: 'rugby-2024', idFromRecord: true }], first.ledger, T2);
      expect(own.articles[0]!.id).toBe('rugby-2024');
      expect(printed(own)).toEqual([
        'items/.published.json rugby: warning: the published article "rugby" (/articles/le-xv-de-france/) is no longer in the records:' +
          ' it leaves every feed and page (a file moved and edited at once gets a new guid unless its record sets id: "rugby")',
      ]);
    });

    it('does not adopt an id when the content changed in the same move', () => {
      const edited = build([{ ...moved(), sourceHash: '<p>Autre.</p>' }], first.ledger, T2);
      expect(edited.articles[0]!.id).toBe('2024/11/rugby');
      expect(edited.diagnostics.map((d) => d.code)).toEqual(['article-removed']);
    });

    it.each([
      ['two gone articles share the content', [article(), article({ id: 'rugby-bis', slug: 'bis', file: 'items/rugby-bis.md' })], [moved()]],
      ['two new records share the content', [article()], [moved(), { ...moved(), id: 'copie', slug: 'copie', file: 'items/copie.md' }]],
    ])('adopts nothing and warns when %s', (_, before, after) => {
      const history = build(before, EMPTY_LEDGER, T1).ledger;
      const result = build(after, history, T2);
      expect(result.articles.map((a) => a.id)).toEqual(after.map((a) => a.id));
      expect(result.diagnostics.map((d) => d.code)).toContain('id-ambiguous');
    });
  });

  describe('when a page path changes (a retitled article)', () => {
    const first = build([article()], EMPTY_LEDGER, T1);
    const second = build(
      [article({ slug: 'victoire-du-xv', title: 'Victoire du XV', link: 'https://example.org/articles/victoire-du-xv/' })],
      first.ledger,
      T2,
    );

    it('redirects the former path to the current one', () => {
      expect(second.redirects).toEqual([{ from: '/articles/le-xv-de-france/', to: '/articles/victoire-du-xv/' }]);
    });

    it('warns once, on the build that saw the change', () => {
      expect(printed(second)).toEqual([
        'items/rugby.md slug: warning: the page moved from /articles/le-xv-de-france/ to /articles/victoire-du-xv/; the old address redirects there (set "slug" to keep a URL)',
      ]);
      const again = build([second.articles[0]!], second.ledger, T3);
      expect(again.diagnostics).toEqual([]);
      expect(again.redirects).toEqual(second.redirects);
    });

    it('redirects every former path straight to the newest, without chains', () => {
      const third = build([article({ slug: 'troisieme', link: 'https://example.org/articles/troisieme/' })], second.ledger, T3);
      expect(third.redirects).toEqual([
        { from: '/articles/le-xv-de-france/', to: '/articles/troisieme/' },
        { from: '/articles/victoire-du-xv/', to: '/articles/troisieme/' },
      ]);
    });

    it('drops the redirect of a path that another article now lives at', () => {
      const other = makeArticle({ id: 'autre', slug: 'le-xv-de-france', date: PUBLISHED });
      const third = build([second.articles[0]!, other], second.ledger, T3);
      expect(third.redirects).toEqual([]);
    });

    it('drops the redirect when the article comes back to its former path', () => {
      const back = build([article()], second.ledger, T3);
      expect(back.redirects).toEqual([{ from: '/articles/victoire-du-xv/', to: '/articles/le-xv-de-france/' }]);
      expect(back.ledger.get('rugby')?.paths).toEqual(['/articles/victoire-du-xv/', '/articles/le-xv-de-france/']);
    });
  });

  describe('when Gazette serves no pages', () => {
    it('records no page path and redirects nothing', () => {
      const first = build([article()], EMPTY_LEDGER, T1, false);
      const second = build([article({ slug: 'autre' })], first.ledger, T2, false);
      expect(second.ledger.get('rugby')?.paths).toEqual([]);
      expect(second.redirects).toEqual([]);
      expect(second.diagnostics).toEqual([]);
    });
  });

  describe('when a published article is no longer published', () => {
    const first = build([article(), makeArticle({ id: 'autre', date: PUBLISHED })], EMPTY_LEDGER, T1);

    it.each([
      ['deleted', [] as Article[], 'is no longer in the records'],
      ['a draft again', [article({ draft: true })], 'is a draft again'],
    ])('warns when it is %s, once', (_, rugby, words) => {
      const kept = first.articles.filter((a) => a.id === 'autre');
      const second = build([...rugby, ...kept], first.ledger, T2);
      expect(second.diagnostics).toHaveLength(1);
      expect(formatDiagnostic(second.diagnostics[0]!)).toContain(words);
      expect(second.ledger.get('rugby')?.removed).toEqual(new Date('2024-11-23T09:15:30.000Z'));
      expect(build([...rugby, ...kept], second.ledger, T3).diagnostics).toEqual([]);
    });

    it('forgets the removal when it comes back, with the same guid and first publication, and records its return', () => {
      const gone = build(
        first.articles.filter((a) => a.id === 'autre'),
        first.ledger,
        T2,
      );
      const back = build([article(), ...first.articles.filter((a) => a.id === 'autre')], gone.ledger, T3);
      expect(back.ledger.get('rugby')).toEqual({ ...first.ledger.get('rugby'), restored: T3 });
    });
  });

  describe('when an article moves between lists (a new date or new categories)', () => {
    const first = build([article()], EMPTY_LEDGER, T1);
    it.each([
      ['its date changes', article({ date: new Date('2024-10-01T06:00:00Z') }), T2],
      ['its categories change', article({ categories: [{ slug: 'sport', name: 'Sport' }] }), T2],
      ['its body alone changes', article({ sourceHash: 'un autre texte' }), undefined],
      ['nothing changes', article(), undefined],
    ])('records the move when %s', (_name, edited, moved) => {
      const entry = build([edited], first.ledger, T2).ledger.get('rugby');
      expect(entry?.moved).toEqual(moved === undefined ? undefined : new Date('2024-11-23T09:15:30.000Z'));
    });

    it('gives an entry of an older ledger (no place) its place, without a move', () => {
      const { place: _place, ...old } = first.ledger.get('rugby')!;
      const entry = build([article({ date: new Date('2024-10-01T06:00:00Z') })], new Map([['rugby', old]]), T2).ledger.get('rugby');
      expect([entry?.place, entry?.moved]).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/), undefined]);
    });
  });

  describe('when the ledger is deleted', () => {
    it('publishes every current article, with its own id and guid', () => {
      const before = [article(), makeArticle({ id: '2024/autre', date: PUBLISHED })];
      const history = build(before, EMPTY_LEDGER, T1).ledger;
      const corrected = build([article({ sourceHash: '<p>Corrigé.</p>' }), before[1]!], history, T2);
      const fresh = build(
        corrected.articles.map((a) => ({ ...a, updated: a.date })),
        EMPTY_LEDGER,
        T3,
      );
      expect(fresh.articles.map((a) => [a.id, a.guid])).toEqual(corrected.articles.map((a) => [a.id, a.guid]));
      expect(fresh.diagnostics).toEqual([]);
    });
  });

  describe('when the configured guid changed after publication (new tagDate or host)', () => {
    it('keeps the guid readers hold', () => {
      const first = build([article()], EMPTY_LEDGER, T1);
      const second = build([article({ guid: 'tag:example.com,2025-01-01:rugby' })], first.ledger, T2);
      expect(second.articles[0]!.guid).toBe('tag:example.org,2024-01-01:rugby');
    });
  });

  describe('drafts', () => {
    it('pass through untouched and stay out of the ledger', () => {
      const draft = article({ id: 'brouillon', draft: true });
      const result = build([draft], EMPTY_LEDGER, T1);
      expect(result.articles[0]).toBe(draft);
      expect(result.ledger.size).toBe(0);
    });
  });

  describe('misuse', () => {
    it.each([
      ['articles', { articles: 'x', ledger: EMPTY_LEDGER, now: T1, pages: true }],
      ['ledger', { articles: [], ledger: {}, now: T1, pages: true }],
      ['now', { articles: [], ledger: EMPTY_LEDGER, now: new Date('x'), pages: true }],
    ])('throws a TypeError naming %s', (name, input) => {
      expect(() => applyLedger(input as never)).toThrow(new RegExp(`applyLedger: ${name}`));
    });
  });
});

describe('contentHash', () => {
  // The expected value was computed apart, in Python: sha256(json.dumps(fields, ensure_ascii=False, separators=(',', ':'))).
  it('is stable across runs and machines (a change here moves every article’s updated)', () => {
    const fixed = {
      title: 'Grève : « trafic très perturbé »',
      sourceHash: 'c0ffee',
      categories: [{ slug: 'societe', name: 'Société' }],
      authors: [{ name: 'Camille', email: 'c@example.org' }],
      image: undefined,
      link: 'https://example.org/articles/greve/',
    };
    expect(contentHash(fixed)).toBe('818ab4a918244254c2aaeb6417376c3b35736eb6e8f29e888d02ef4e54afa6d5');
  });

  it('does not depend on the id, file, dates or draft flag', () => {
    const a = article();
    const elsewhere: Article = { ...a, id: 'x', file: 'y', date: T1, updated: T2, draft: true, guid: 'z' };
    expect(contentHash(elsewhere)).toBe(contentHash(a));
  });
});
