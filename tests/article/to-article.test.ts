import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/article/to-article.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { makeConfig } from '../helpers/factories.ts';
import type { RawRecord } from '../../src/records/raw-record.ts';
import { makeRecord, OMIT } from './make-record.ts';
import { casesOf } from '../helpers/cases.ts';

// No category vocabulary: these records use any category (the vocabulary's own warning is tested below).
const config = makeConfig({ categories: {} });

describe('toArticle', () => {
  describe('when the record is valid', () => {
    const { value, diagnostics } = toArticle(makeRecord({ categories: ['Société', 'Maroc'] }), config);

    it('reports nothing', () => {
      expect(diagnostics).toEqual([]);
    });

    it('fills every derived field', () => {
      expect(
        value && {
          id: value.id,
          guid: value.guid,
          slug: value.slug,
          link: value.link,
          date: value.date.toISOString(),
          updated: value.updated.toISOString(),
          categories: value.categories,
          summary: value.summary,
          html: value.html,
        },
      ).toEqual({
        id: '2024/maroc',
        guid: 'tag:example.org,2024-01-01:2024/maroc',
        slug: 'maroc-le-dg-en-visite',
        link: 'https://example.org/articles/maroc-le-dg-en-visite/',
        date: '2024-11-21T23:00:00.000Z',
        updated: '2024-11-21T23:00:00.000Z',
        categories: [
          { slug: 'societe', name: 'Société' },
          { slug: 'maroc', name: 'Maroc' },
        ],
        summary: 'Premier paragraphe. Second paragraphe.',
        html: '<p>Premier paragraphe.</p>\n<p>Second paragraphe.</p>',
      });
    });
  });

  describe('when a field has the wrong type or value', () => {
    it.each([
      ['title', { title: ['a', 'b'] }, 'wrong-type'],
      ['title', { title: OMIT }, 'missing-field'],
      ['title', { title: '   ' }, 'missing-field'],
      ['date', { date: OMIT }, 'missing-field'],
      ['date', { date: '30 février 2024' }, 'date-impossible'],
      ['date', { date: 'hier soir' }, 'date-unreadable'],
      ['date', { date: true }, 'wrong-type'],
      ['updated', { updated: '31/04/2024' }, 'date-impossible'],
      ['categories', { categories: { a: 1 } }, 'wrong-type'],
      ['categories', { categories: ['Culture', { name: 'x' }] }, 'wrong-type'],
      ['author', { author: 42 }, 'wrong-type'],
      ['author', { author: { email: 'a@example.org' } }, 'missing-field'],
      ['author', { author: { name: 'A', email: 'pas-un-mail' } }, 'wrong-type'],
      ['author', { author: [{ name: 'A' }, { name: 'B', url: 'javascript:x' }] }, 'wrong-type'],
      ['summary', { summary: { text: 'x' } }, 'wrong-type'],
      ['slug', { slug: '🔥' }, 'slug-empty'],
      ['id', { id: ['x'] }, 'wrong-type'],
      ['link', { link: 'javascript:alert(1)' }, 'link-invalid'],
      ['link', { link: 'www.example.org/x' }, 'link-invalid'],
      ['link', { link: 42 }, 'wrong-type'],
      ['image', { image: 'ftp://example.org/a.jpg' }, 'image-invalid'],
      ['draft', { draft: 'peut-être' }, 'wrong-type'],
      ['draft', { draft: 1 }, 'wrong-type'],
    ])('reports one error on %s for %j', (field, fields, code) => {
      const record = makeRecord(fields);
      const { value, diagnostics } = toArticle(record, config);
      expect({ value, diagnostics: diagnostics.map((d) => [d.severity, d.field, d.code, d.line]) }).toEqual({
        value: undefined,
        // An absent field is reported where the record opens, line 1.
        diagnostics: [['error', field, code, field in record.fields ? record.fields[field]?.line : 1]],
      });
    });
  });

  describe('when a URL field is hostile', () => {
    // The forms a browser or `new URL()` turns into a script or another site after stripping what it ignores.
    const HOSTILE = [
      'java\nscript:alert(document.domain)',
      'java\tscript:alert(1)',
      'java\rscript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'http://exa mple.org/',
      'https:\\\\evil.example/',
      'https://user:pw@example.org/',
    ];
    it.each(
      HOSTILE.flatMap(
        (url) =>
          [
            ['link', { link: url }, 'link-invalid'],
            ['image', { image: url }, 'image-invalid'],
            ['author', { author: { name: 'A', url } }, 'wrong-type'],
          ] as const,
      ),
    )('refuses %s %j', (field, fields, code) => {
      const { value, diagnostics } = toArticle(makeRecord(fields), config);
      expect({ value, diagnostics: diagnostics.map((d) => [d.severity, d.field, d.code]) }).toEqual({
        value: undefined,
        diagnostics: [['error', field, code]],
      });
    });

    it('reads a protocol-relative link as absolute, without the relative warning', () => {
      const { value, diagnostics } = toArticle(makeRecord({ link: '//autre.example/x' }), config);
      expect([value?.link, diagnostics]).toEqual(['https://autre.example/x', []]);
    });
  });

  describe('when a record has more categories than limits.categoriesPerRecord', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `Rubrique ${i}`);
    const { value, diagnostics } = toArticle(makeRecord({ categories: many }), config);

    it('is one error naming the field, its line, the count and the limit', () => {
      expect([value, diagnostics.map((d) => [d.code, d.field, d.line, d.message])]).toEqual([
        undefined,
        [['too-many-categories', 'categories', 4, '5000 categories; the limit is 20 (limits.categoriesPerRecord)']],
      ]);
    });

    it('counts categories after merging names that fold to one slug', () => {
      const names = [...Array.from({ length: 20 }, (_, i) => `R${i}`), 'r0', 'R0 '];
      expect(toArticle(makeRecord({ categories: names }), config).diagnostics).toEqual([]);
    });
  });

  describe('when converting a record throws (a bug, not bad content)', () => {
    const record = { ...makeRecord(), body: { kind: 'unknown' } as unknown as RawRecord['body'] };
    const { value, diagnostics } = toArticle(record, config);

    it('skips only that record with an internal-error diagnostic that says it is a bug', () => {
      expect([value, diagnostics.map((d) => [d.severity, d.file, d.code])]).toEqual([undefined, [['error', 'items/2024/maroc.md', 'internal-error']]]);
    });

    it('never passes for a content error', () => {
      expect(diagnostics[0]?.message).toMatch(/^could not be read \(a bug in Gazette\): TypeError: /);
    });
  });

  describe('when several fields are wrong', () => {
    it('reports every one of them', () => {
      const { diagnostics } = toArticle(makeRecord({ date: '30 février 2024', link: 'javascript:x', draft: 'x', colour: 'rouge' }), config);
      expect(diagnostics.map((d) => `${d.severity} ${d.field}`).sort()).toEqual(['error date', 'error draft', 'error link', 'warning colour']);
    });
  });

  describe('when the date does not exist', () => {
    it('names the file, line, field and value', () => {
      const record = makeRecord({ date: '30 février 2024' }, { file: 'items/x.md' });
      expect(formatDiagnostic(toArticle(record, config).diagnostics[0]!)).toMatch(/^items\/x\.md:3 date: "30 février 2024" is not a real date/);
    });
  });

  // A year before 1000 is a typo (0024, 224 for 2024); after 9999 neither RSS (RFC 822/1123) nor Atom (RFC 3339) can
  // write it in UTC. Either is an error for the record, whatever form the date came in.
  describe('when the year of a date is not one a feed can carry', () => {
    const TYPO = 'is before the year 1000, which is almost surely a typo; write the year in full, e.g. "22 novembre 2024" or "2024-11-22"';
    it.each([
      [{ date: '0099-06-01' }, `items/x.md:3 date: "0099-06-01" ${TYPO}`],
      [{ date: '0001-01-01' }, `items/x.md:3 date: "0001-01-01" ${TYPO}`],
      [{ date: '22 novembre 0224' }, `items/x.md:3 date: "22 novembre 0224" ${TYPO}`],
      [{ date: '01/06/0999 à 14h30' }, `items/x.md:3 date: "01/06/0999 à 14h30" ${TYPO}`],
      [{ updated: '0024-11-22' }, `items/x.md:4 updated: "0024-11-22" ${TYPO}`],
      [{ date: -40_000_000_000 }, `items/x.md:3 date: -40000000000 ${TYPO}`],
      [{ date: new Date('0099-06-01T00:00:00Z') }, `items/x.md:3 date: "0099-06-01T00:00:00.000Z" ${TYPO}`],
      [
        { date: '9999-12-31T23:30:00-01:00' },
        'items/x.md:3 date: "9999-12-31T23:30:00-01:00" is after the year 9999 (in UTC), which RSS and Atom dates cannot write',
      ],
    ])('refuses %j: %s', (fields, message) => {
      const { value, diagnostics } = toArticle(makeRecord(fields, { file: 'items/x.md' }), config);
      expect([value, diagnostics.map(formatDiagnostic)]).toEqual([undefined, [message]]);
    });

    it.each(casesOf('article/to-article', 'years a feed cannot carry', 'string', 'string'))('publishes %j as %s', (date, iso) => {
      const { value, diagnostics } = toArticle(makeRecord({ date }), config);
      expect([value?.date.toISOString(), diagnostics]).toEqual([iso, []]);
    });
  });

  describe('when the weekday does not match the date', () => {
    const record = makeRecord({ date: 'jeudi, novembre 22, 2024' }, { file: 'items/x.txt' });
    const { value, diagnostics } = toArticle(record, config);

    it('still publishes the article', () => {
      expect(value?.date.toISOString()).toBe('2024-11-21T23:00:00.000Z');
    });

    it('warns, naming both weekdays', () => {
      expect(diagnostics.map(formatDiagnostic)).toEqual(['items/x.txt:3 date: warning: weekday "jeudi" does not match 2024-11-22, which is a vendredi']);
    });
  });

  describe('when the record has unknown keys', () => {
    const { value, diagnostics } = toArticle(makeRecord({ tags: ['a'], Title: 'x' }), config);

    it('warns once per key with its line', () => {
      expect(diagnostics.map((d) => [d.severity, d.code, d.field, d.line])).toEqual([
        ['warning', 'unknown-key', 'tags', 4],
        ['warning', 'unknown-key', 'Title', 5],
      ]);
    });

    it('still publishes the article', () => {
      expect(value?.title).toBe(makeRecord().fields.title?.value);
    });
  });

  describe('when optional fields are given', () => {
    it.each([
      ['author as a name', { author: 'Claire Dupont' }, (a: Art) => a.authors, [{ name: 'Claire Dupont' }]],
      [
        'author as Name <email>',
        { author: 'Claire Dupont <claire@example.org>' },
        (a: Art) => a.authors,
        [{ name: 'Claire Dupont', email: 'claire@example.org' }],
      ],
      [
        'a list of authors',
        { author: ['A', { name: 'B', email: 'b@example.org', url: 'https://b.example/' }] },
        (a: Art) => a.authors,
        [{ name: 'A' }, { name: 'B', email: 'b@example.org', url: 'https://b.example/' }],
      ],
      [
        'categories as one string',
        { categories: 'Politique, Économie; Afrique' },
        (a: Art) => a.categories.map((c) => c.slug),
        ['politique', 'economie', 'afrique'],
      ],
      ['an absolute link', { link: 'https://autre.example/x?y=1' }, (a: Art) => a.link, 'https://autre.example/x?y=1'],
      ['an image path', { image: '/photos/rabat.jpg' }, (a: Art) => a.image?.url, 'https://example.org/photos/rabat.jpg'],
      ['an image URL', { image: 'https://cdn.example/r.jpg' }, (a: Art) => a.image?.url, 'https://cdn.example/r.jpg'],
      ['a written summary with markup', { summary: 'Le <em>DG</em> &amp; la DGSN' }, (a: Art) => a.summary, 'Le DG & la DGSN'],
      ['a slug', { slug: 'dg-rabat' }, (a: Art) => a.link, 'https://example.org/articles/dg-rabat/'],
      ['an id', { id: 'depeche-42' }, (a: Art) => a.guid, 'tag:example.org,2024-01-01:depeche-42'],
      ['a numeric title', { title: 1984 }, (a: Art) => a.title, '1984'],
      ['a date with time and offset', { date: '2024-11-22T14:30:00+01:00' }, (a: Art) => a.date.toISOString(), '2024-11-22T13:30:00.000Z'],
      ['a Date object', { date: new Date('2024-11-22T10:00:00Z') }, (a: Art) => a.date.toISOString(), '2024-11-22T10:00:00.000Z'],
      ['updated', { updated: '23 novembre 2024 à 9h' }, (a: Art) => a.updated.toISOString(), '2024-11-23T08:00:00.000Z'],
      ['a title with control characters', { title: 'Un\u0001 titre\n  sur deux lignes' }, (a: Art) => a.title, 'Un titre sur deux lignes'],
      ['an author with control characters', { author: 'Clai\u000Bre' }, (a: Art) => a.authors[0]?.name, 'Claire'],
      [
        'a correction note',
        { corrections: [{ date: '23 novembre 2024 à 9h', text: 'Une version\u0001 précédente.' }] },
        (a: Art) => a.corrections.map((c) => [c.date.toISOString(), c.text, c.key]),
        [['2024-11-23T08:00:00.000Z', 'Une version précédente.', '20241123T080000Z']],
      ],
      [
        'a correction note, which moves updated',
        { corrections: [{ date: '23 novembre 2024 à 9h', text: 'Note.' }] },
        (a: Art) => a.updated.toISOString(),
        '2024-11-23T08:00:00.000Z',
      ],
    ])('reads %s', (_, fields, pick, expected) => {
      const { value } = toArticle(makeRecord(fields), config);
      expect(value && pick(value)).toEqual(expected);
    });
  });

  describe('when a field is fixable', () => {
    it.each([
      [{ link: '/articles/maroc/' }, 'link-relative', 'link'],
      [{ slug: 'Mon Slug' }, 'slug-normalized', 'slug'],
      [{ updated: '21 novembre 2024' }, 'updated-before-date', 'updated'],
      [{ draft: 'oui' }, 'draft-text', 'draft'],
      [{ categories: ['🔥', 'Culture'] }, 'category-empty', 'categories'],
      [{ author: { name: 'A', twitter: '@a' } }, 'unknown-key', 'author'],
    ])('warns about %j and still publishes', (fields, code, field) => {
      const { value, diagnostics } = toArticle(makeRecord(fields), config);
      expect([value !== undefined, diagnostics.map((d) => [d.severity, d.code, d.field])]).toEqual([true, [['warning', code, field]]]);
    });
  });

  describe('when the config sets a category vocabulary', () => {
    const vocabulary = makeConfig();
    const categoryVocabulary = casesOf('article/to-article', 'category vocabulary', 'strings', 'strings');
    it.each(categoryVocabulary)('warns about %j on the categories line with the closest name: %j', (categories, messages) => {
      const { value, diagnostics } = toArticle(makeRecord({ categories }), vocabulary);
      expect([value?.categories.length, diagnostics.map((d) => [d.severity, d.line, d.field, d.code, d.message])]).toEqual([
        categories.length,
        messages.map((message) => ['warning', 4, 'categories', 'category-unknown', message]),
      ]);
    });
  });

  describe('when the record is a draft', () => {
    it('is valid and marked as a draft', () => {
      expect(toArticle(makeRecord({ draft: true }), config).value?.draft).toBe(true);
    });

    it('is still validated', () => {
      expect(toArticle(makeRecord({ draft: true, date: '30 février 2024' }), config).value).toBeUndefined();
    });
  });
});

type Art = NonNullable<ReturnType<typeof toArticle>['value']>;
