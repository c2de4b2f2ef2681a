import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/article/to-article.ts';
import type { RecordBody } from '../../src/records/raw-record.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeRecord } from './make-record.ts';

const config = makeConfig();

describe('toArticle identity', () => {
  const base = makeRecord({ id: 'depeche-1', categories: ['Société'] });
  const guidOf = (fields: Record<string, unknown>, body?: RecordBody): string | undefined =>
    toArticle(makeRecord({ id: 'depeche-1', categories: ['Société'], ...fields }, body ? { body } : {}), config).value?.guid;

  describe('when an edit changes anything but the id', () => {
    it.each([
      ['the title', { title: 'Un tout autre titre' }],
      ['the slug', { slug: 'autre-slug' }],
      ['the date', { date: '23 novembre 2024 à 10h' }],
      ['the categories', { categories: ['Sport', 'Culture'] }],
      ['the link', { link: 'https://autre.example/x' }],
      ['the summary', { summary: 'Autre résumé' }],
    ])('keeps the guid when %s changes', (_, fields) => {
      expect(guidOf(fields)).toBe(toArticle(base, config).value?.guid);
    });

    it('keeps the guid when the body changes', () => {
      expect(guidOf({}, { kind: 'html', html: '<p>Autre</p>', line: 9 })).toBe(toArticle(base, config).value?.guid);
    });
  });

  describe('when the record sets no id', () => {
    it('uses the path below items/', () => {
      const record = makeRecord({}, { relPath: '2024/11/maroc' });
      expect(toArticle(record, config).value?.guid).toBe('tag:example.org,2024-01-01:2024/11/maroc');
    });
  });
});

describe('toArticle body', () => {
  describe('when the body is dispatch blocks', () => {
    const body: RecordBody = {
      kind: 'blocks',
      line: 5,
      blocks: [
        { kind: 'kicker', text: 'COOPÉRATION & SÉCURITÉ', line: 5 },
        { kind: 'heading', text: 'Rencontres à Rabat', line: 7 },
        { kind: 'paragraph', text: 'Les «\u00a0échanges\u00a0» <b>ont</b> eu lieu, etc.', line: 8 },
      ],
    };
    const article = toArticle(makeRecord({}, { body }), config).value;

    it('renders the kicker as h2, the heading as h3 and text escaped in p', () => {
      expect(article?.html).toBe(
        '<h2 class="kicker">COOPÉRATION &amp; SÉCURITÉ</h2>\n<h3>Rencontres à Rabat</h3>\n' +
          '<p>Les «\u00a0échanges\u00a0» &lt;b&gt;ont&lt;/b&gt; eu lieu, etc.</p>',
      );
    });

    it('derives the summary from the paragraphs only', () => {
      expect(article?.summary).toBe('Les «\u00a0échanges\u00a0» <b>ont</b> eu lieu, etc.');
    });
  });

  describe('when the body is Markdown', () => {
    it.each([
      ['**gras** et [lien](/autre/)', '<p><strong>gras</strong> et <a href="https://example.org/autre/">lien</a></p>'],
      ['![photo](photo.jpg)', '<p><img src="https://example.org/articles/maroc-le-dg-en-visite/photo.jpg" alt="photo" /></p>'],
      ['| a |\n|---|\n| 1 |', '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>1</td>\n</tr>\n</tbody></table>'],
      ['<script>alert(1)</script>\n\nTexte', '<p>Texte</p>'],
      ['[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ])('renders %j safely', (text, expected) => {
      const body: RecordBody = { kind: 'markdown', text, line: 5 };
      expect(toArticle(makeRecord({}, { body }), config).value?.html).toBe(expected);
    });
  });

  describe('when the body is HTML with a custom link', () => {
    it('resolves relative URLs against the article link', () => {
      const body: RecordBody = { kind: 'html', html: '<p><a href="suite/">suite</a></p>', line: 1 };
      const article = toArticle(makeRecord({ link: 'https://autre.example/a/b' }, { body }), config).value;
      expect(article?.html).toBe('<p><a href="https://autre.example/a/suite/">suite</a></p>');
    });
  });

  describe('when the record is a draft', () => {
    it('does not render the body', () => {
      expect(toArticle(makeRecord({ draft: true }), config).value?.html).toBe('');
    });
  });

  describe('when the body is empty', () => {
    it('gives an empty body and summary', () => {
      const article = toArticle(makeRecord({}, { body: { kind: 'none' } }), config).value;
      expect([article?.html, article?.summary]).toEqual(['', '']);
    });
  });
});
