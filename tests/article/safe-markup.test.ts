import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/corpus.ts';
import { cleanHtml } from '../../src/article/clean-html.ts';
import { renderBodyMarkup } from '../../src/article/render-body.ts';
import { cleanRenderedHtml } from '../../src/article/safe-markup.ts';
import type { RecordBody } from '../../src/records/raw-record.ts';
import { checkProperty } from '../helpers/property.ts';

const BASE = 'https://example.org/articles/maroc/';

/** What toArticle publishes for a body: the quick way where it applies (undefined when it does not), and cleanHtml. */
function bothWays(body: RecordBody): { quick: string | undefined; sanitised: string } {
  const { html, authored } = renderBodyMarkup(body);
  return { quick: authored ? undefined : cleanRenderedHtml(html, BASE), sanitised: cleanHtml(html, BASE) };
}

const markdown = (text: string): RecordBody => ({ kind: 'markdown', text, line: 1 });

// Markdown built from the constructs marked knows, with the characters and URLs that test a sanitiser.
const word = fc.constantFrom(
  'Rabat',
  'l’été',
  '« citation »',
  'a & b',
  '1 < 2',
  '3 > 2',
  '"guillemets"',
  "l'apostrophe",
  '&eacute;',
  '&amp;',
  '&#233;',
  '&nbsp;',
  '&#x27;',
  '\\*',
  'é\u0301',
  '😀',
  '\u0001',
  '\uFFFE',
  '\uFDD0',
  '\u00A0',
  '*',
  '_',
  '`',
  '<',
  '>',
  '[',
  ']',
  '!',
);
const url = fc.constantFrom(
  'https://example.org/a?x=1&y=2',
  '/relatif',
  'relatif.html',
  '#ancre',
  '',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'mailto:redaction@example.org',
  '//ailleurs.example/x',
  'data:text/html,x',
  'https://example.org/é"<>',
  'HTTPS://EXAMPLE.ORG/A',
  'ftp://example.org/f',
  'https://example.org/a b',
  '<https://example.org/chevrons>',
);
const title = fc.constantFrom('', ' "titre"', " 'l’autre'", ' "a & b"', ' "a \\" b"');
const inline = fc.oneof(
  { weight: 6, arbitrary: word },
  fc.tuple(word, word).map(([a, b]) => `*${a} ${b}*`),
  word.map((a) => `**${a}**`),
  word.map((a) => `~~${a}~~`),
  word.map((a) => `\`${a}\``),
  fc.tuple(word, url, title).map(([t, u, ti]) => `[${t}](${u}${ti})`),
  fc.tuple(word, url, title).map(([t, u, ti]) => `![${t}](${u}${ti})`),
  fc.constantFrom('<https://example.org/auto>', 'www.example.org', 'redaction@example.org', 'https://example.org/nu'),
  fc.constantFrom('<b>gras</b>', '<!-- note -->', '<span onclick="x()">a</span>', '<br>'),
  fc.constant('fin  \nsuite'),
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  { weight: 4, arbitrary: line },
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.array(line, { minLength: 1, maxLength: 3 }))
    .map(([start, items]) => items.map((i, n) => `${start + n}. ${i}`).join('\n')),
  line.map((text) => `- [ ] ${text}\n- [x] fait`),
  line.map((text) => `> ${text}`),
  fc.tuple(fc.constantFrom('', 'js', 'c++', 'a"b', 'x<y'), fc.array(word, { maxLength: 4 })).map(([lang, code]) => `\`\`\`${lang}\n${code.join(' ')}\n\`\`\``),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((code) => `    ${code.join(' ')}`),
  fc.constant('---'),
  fc.tuple(line, line).map(([a, b]) => `| ${a} | b |\n|:--|--:|\n| ${b} | 2 |`),
  fc.constantFrom('<div>bloc</div>', '<script>alert(1)</script>', '<p onclick="x()">a</p>'),
);
const body = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));

describe('cleanRenderedHtml', () => {
  describe('when the Markdown is any mix of what marked knows', () => {
    it('gives the bytes cleanHtml gives, whenever it gives any', () => {
      let quick = 0;
      checkProperty(
        fc.property(body, (text) => {
          // Where the quick way does not apply there is nothing to compare: cleanHtml alone publishes the body.
          const { html, authored } = renderBodyMarkup(markdown(text));
          const fast = authored ? undefined : cleanRenderedHtml(html, BASE);
          if (fast === undefined) return;
          quick += 1;
          expect(fast).toBe(cleanHtml(html, BASE));
        }),
        3000,
      );
      // The property says something only if the quick way is taken often.
      expect(quick).toBeGreaterThan(300);
    });
  });

  describe('when the body is a wire dispatch', () => {
    const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    const blocks = fc.array(fc.record({ kind: fc.constantFrom('kicker', 'heading', 'paragraph' as const), text, line: fc.constant(1) }), {
      minLength: 1,
      maxLength: 5,
    });
    it('gives the bytes cleanHtml gives, every time', () => {
      checkProperty(
        fc.property(blocks, (list) => {
          const both = bothWays({ kind: 'blocks', blocks: list, line: 1 });
          expect(both.quick).toBe(both.sanitised);
        }),
        1000,
      );
    });
  });

  describe('when the body is a bench corpus article', () => {
    const records = [...generateRecords({ size: 300, seed: 7, recordBytes: 5500 })].filter((r) => r.format === 'md');
    it('takes the quick way and gives the bytes cleanHtml gives', () => {
      const texts = records.map((r) =>
        r.blocks.map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.kind === 'kicker' ? `**${b.text}**` : b.text)).join('\n\n'),
      );
      const results = texts.map((t) => bothWays(markdown(t)));
      expect(results.filter((r) => r.quick !== r.sanitised)).toEqual([]);
    });
  });

  describe('when the Markdown holds something a sanitiser must see', () => {
    it.each([
      ['raw HTML', '<b>gras</b> et <i>italique</i>'],
      ['an HTML comment', 'a <!-- note --> b'],
      ['a task list (marked writes an <input>)', '- [ ] à faire'],
      ['a named entity of the author', 'caf&eacute;'],
      ['a link with an empty target', '[vide]()'],
    ])('leaves it to cleanHtml (%s)', (_label, text) => {
      const { html, authored } = renderBodyMarkup(markdown(text));
      expect(authored ? undefined : cleanRenderedHtml(html, BASE)).toBeUndefined();
    });
  });

  describe('when the Markdown is plain article markup', () => {
    it.each([
      ['a link made absolute', '[lire](/suite)', `<p><a href="https://example.org/suite">lire</a></p>`],
      ['an unsafe link dropped, its text kept', '[x](javascript:alert(1) "t")', '<p><a title="t">x</a></p>'],
      ['an unsafe image dropped whole', 'a ![x](data:image/png,AAAA) b', '<p>a  b</p>'],
      ['a title heading made a section heading', '# Titre', '<h2>Titre</h2>'],
      ['quotes left as they are in text', `« l'été » "x"`, `<p>« l'été » "x"</p>`],
      ['a line break and a rule as sanitize-html writes them', 'a  \nb\n\n---', '<p>a<br />b</p>\n<hr />'],
    ])('writes %s', (_label, text, expected) => {
      const { html } = renderBodyMarkup(markdown(text));
      expect([cleanRenderedHtml(html, BASE), cleanHtml(html, BASE)]).toEqual([expected, expected]);
    });
  });
});
