// Properties of the ledger reader/writer, applyLedger and the redirect files, over generated inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { applyLedger } from '../../src/lifecycle/apply-ledger.ts';
import { contentHash } from '../../src/lifecycle/content-hash.ts';
import { EMPTY_LEDGER, parseLedger, serializeLedger, type Ledger, type LedgerEntry } from '../../src/lifecycle/ledger.ts';
import { renderRedirectsFiles } from '../../src/lifecycle/redirects-files.ts';
import { makeArticle, makeImage } from '../helpers/factories.ts';
import { checkProperty } from '../helpers/property.ts';

const instant = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.constantFrom('a\nb', '],[', ',{"id":"x"}', '\u2028', '"', '\\', '<<<<<<< HEAD'),
);
const entry: fc.Arbitrary<LedgerEntry> = fc.record({
  id: text,
  guid: text,
  published: instant,
  updated: fc.option(instant, { nil: undefined }),
  removed: fc.option(instant, { nil: undefined }),
  hash: fc.stringMatching(/^[0-9a-f]{64}$/),
  paths: fc.uniqueArray(
    text.map((t) => `/${t}`),
    { maxLength: 4 },
  ),
  aliases: fc.uniqueArray(text, { maxLength: 3 }).map((a) => [...a].sort()),
});
const ledger: fc.Arbitrary<Ledger> = fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 8 }).map((entries) => new Map(entries.map((e) => [e.id, e])));

describe('the ledger file, for any ledger', () => {
  it('reads back what was written, byte for byte, without a diagnostic', () => {
    checkProperty(
      fc.property(ledger, (l) => {
        const text = serializeLedger(l);
        const read = parseLedger(text, 'x');
        expect(read.diagnostics).toEqual([]);
        expect(serializeLedger(read.value)).toBe(text);
        expect(text.split('\n')).toHaveLength(l.size + 3);
      }),
      300,
    );
  });

  it('reads a union merge of two versions the same whatever the order of the lines', () => {
    checkProperty(
      fc.property(ledger, ledger, fc.nat(), (a, b, shuffle) => {
        const body = (l: Ledger) => serializeLedger(l).split('\n').slice(1, -2);
        const lines = [...body(a), ...body(b)];
        const rotated = [...lines.slice(shuffle % (lines.length || 1)), ...lines.slice(0, shuffle % (lines.length || 1))].reverse();
        const wrap = (ls: string[]) => ['[{"gazette":"publication-ledger","version":1}', ...ls, ']', ''].join('\n');
        const one = parseLedger(wrap(lines), 'x');
        const other = parseLedger(wrap(rotated), 'x');
        expect(one.diagnostics).toEqual([]);
        expect(serializeLedger(other.value)).toBe(serializeLedger(one.value));
        expect([...one.value.keys()].sort()).toEqual([...new Set([...a.keys(), ...b.keys()])].sort());
      }),
      300,
    );
  });
});

describe('applyLedger, for any sequence of builds', () => {
  // An article is one of a few titles, slugs, bodies and files, so renames, moves and corrections all happen.
  const article = fc
    .record({
      n: fc.integer({ min: 0, max: 4 }),
      slug: fc.constantFrom('a', 'b', 'c'),
      body: fc.constantFrom('<p>1</p>', '<p>2</p>'),
      folder: fc.constantFrom('', '2024/'),
      ownId: fc.boolean(),
      draft: fc.boolean(),
    })
    .map(
      ({ n, slug, body, folder, ownId, draft }): Article =>
        makeArticle({
          id: ownId ? `id-${n}` : `${folder}f${n}`,
          idFromRecord: ownId,
          slug: `${slug}${n}`,
          title: `T${n}`,
          html: body,
          draft,
          guid: `tag:example.org,2024-01-01:${ownId ? `id-${n}` : `${folder}f${n}`}`,
          file: `items/${folder}f${n}.md`,
          date: new Date('2024-11-20T00:00:00Z'),
          categories: [],
          authors: [],
          summary: '',
          link: `https://example.org/articles/${slug}${n}/`,
        }),
    );
  const build = fc
    .uniqueArray(article, { selector: (a) => a.id, maxLength: 5 })
    .filter((as) => new Set(as.filter((a) => !a.draft).map((a) => a.slug)).size === as.filter((a) => !a.draft).length);
  const builds = fc.array(fc.tuple(build, instant), { minLength: 1, maxLength: 5 });

  it('gives the same ledger and articles when the last build runs again, and never loses or twins an article', () => {
    checkProperty(
      fc.property(builds, instant, (steps, later) => {
        let l: Ledger = EMPTY_LEDGER;
        let last;
        for (const [articles, now] of steps) {
          last = applyLedger({ articles, ledger: l, now, pages: true });
          l = last.ledger;
          // Every input article comes out, once, and published ids stay distinct; no redirect leaves from a live page.
          const ids = last.articles.filter((a) => !a.draft).map((a) => a.id);
          const live = new Set(last.articles.filter((a) => !a.draft).map((a) => `/articles/${a.slug}/`));
          const seen = { articles: last.articles.length, ids: new Set(ids).size, fromLive: last.redirects.filter((r) => live.has(r.from)) };
          expect(seen).toEqual({ articles: articles.length, ids: ids.length, fromLive: [] });
        }
        const [articles] = steps.at(-1)!;
        const again = applyLedger({ articles, ledger: parseLedger(serializeLedger(l), 'x').value, now: later, pages: true });
        expect(serializeLedger(again.ledger)).toBe(serializeLedger(l));
        expect(again.articles).toEqual(last!.articles);
        expect(again.redirects).toEqual(last!.redirects);
      }),
      300,
    );
  });
});

describe('the redirect files, for any paths', () => {
  const anyPath = fc.oneof(
    fc.string({ maxLength: 20 }).map((s) => `/${s}`),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `/articles/${s}/`),
    fc
      .array(fc.constantFrom('a', ' ', ';', '"', '\\', '\n', '\r', '$', '{', '}', '#', '%', '%0A', '%22', 'é', '/'), { maxLength: 12 })
      .map((cs) => `/${cs.join('')}`),
  );
  it('writes only well-formed rules, one per line', () => {
    // Lines checked over all runs: the loops below must not pass only because no rule was ever written.
    let checked = 0;
    checkProperty(
      fc.property(fc.array(fc.record({ from: anyPath, to: anyPath }), { maxLength: 6 }), fc.constantFrom('', '/actu'), (redirects, base) => {
        const files = renderRedirectsFiles(redirects, base);
        const map = files['redirects.map'].split('\n').filter((l) => l !== '' && !l.startsWith('#'));
        const netlify = files._redirects.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
        expect(map.length).toBe(netlify.length);
        expect(map.length).toBeLessThanOrEqual(redirects.length);
        // A quoted key with only escaped quotes and backslashes, then a quoted value of URL characters, then `;`.
        // The lines that are not so: none.
        expect(map.filter((line) => !/^"\/(?:[^"\\\u0000-\u001F\u007F]|\\["\\])*" "\/[A-Za-z0-9\-_.!~*'()%/]*";$/.test(line))).toEqual([]);
        expect(netlify.filter((line) => !/^\/[A-Za-z0-9\-_.!~*'()%/]* \/[A-Za-z0-9\-_.!~*'()%/]* 301$/.test(line))).toEqual([]);
        checked += map.length;
      }),
      500,
    );
    expect(checked).toBeGreaterThan(500);
  });
});

describe('contentHash, for any two articles', () => {
  // Tiny alphabets with the characters of the hash's own JSON text, so that two field lists often spell the same
  // text once joined: the encoding, not luck, must keep them apart.
  const piece = fc.constantFrom('a', 'b', '"', '\\', ',', '[', ']', 'null', ' ', 'é', 'e\u0301', '\u2028', '\uD800', '\uD801');
  const text = fc.array(piece, { maxLength: 3 }).map((ps) => ps.join(''));
  const maybe = fc.option(text, { nil: undefined });
  const fields = fc.record({
    title: text,
    sourceHash: text,
    categories: fc.array(fc.record({ slug: text, name: text }), { maxLength: 2 }),
    authors: fc.array(fc.record({ name: text, email: maybe, url: maybe }), { maxLength: 2 }),
    image: maybe,
    link: text,
  });
  type Hashed = typeof fields extends fc.Arbitrary<infer T> ? T : never;
  const withoutUndefined = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => v ?? null));
  const articleOf = (f: Hashed, n: number): Article =>
    makeArticle({
      ...f,
      authors: f.authors.map(({ name, email, url }) => ({ name, ...(email === undefined ? {} : { email }), ...(url === undefined ? {} : { url }) })),
      image: f.image === undefined ? undefined : makeImage(f.image),
      id: `id-${n}`,
      slug: `s-${n}`,
      file: `items/${n}.md`,
      date: new Date(Date.UTC(2024, 0, n + 1)),
    });

  it('is the same exactly when the title, body, summary, categories, authors, image and link are', () => {
    checkProperty(
      fc.property(fields, fields, (a, b) => {
        const same = JSON.stringify(withoutUndefined(a)) === JSON.stringify(withoutUndefined(b));
        expect(contentHash(articleOf(a, 1)) === contentHash(articleOf(b, 2))).toBe(same);
      }),
      2000,
    );
  });

  it('ignores the id, file, slug and dates', () => {
    checkProperty(
      fc.property(fields, (f) => {
        expect(contentHash(articleOf(f, 1))).toBe(contentHash(articleOf(f, 2)));
      }),
      300,
    );
  });

  // Links and images as the article stage makes them (absolute, as `new URL()` writes them), below the site (here
  // mounted at /actu) or elsewhere, with the site's address sometimes inside the path or the query too. (A URL
  // below the origin but outside the mount path, `https://example.org/a`, reads as `/a` like the site's own
  // `https://example.org/actu/a` on purpose: a record keeps its hash when the site moves to another mount path.)
  const SITE = 'https://example.org/actu';
  const urlPart = fc.constantFrom('a', '/', '?u=', '#', '&', SITE, `${SITE}/`, 'https://example.org', 'el', 'https:', '//', '%2F', 'articles/x/');
  const url = fc
    .tuple(fc.constantFrom(`${SITE}/`, 'https://cdn.example/'), fc.array(urlPart, { maxLength: 4 }))
    .map(([base, parts]) => new URL(`${base}${parts.join('')}`).href);

  it('tells apart any two links or images once the site address is left out', () => {
    checkProperty(
      fc.property(url, url, fc.option(url, { nil: undefined }), fc.option(url, { nil: undefined }), (l1, l2, i1, i2) => {
        const hash = (link: string, image: string | undefined) =>
          contentHash(
            makeArticle({ title: 'T', sourceHash: 'h', categories: [], authors: [], link, image: image === undefined ? undefined : makeImage(image) }),
            SITE,
          );
        expect(hash(l1, i1) === hash(l2, i2), `${l1} ${i1} / ${l2} ${i2}`).toBe(l1 === l2 && i1 === i2);
      }),
      2000,
    );
  });
});
