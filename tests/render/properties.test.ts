// Property: any title, summary and body text, through toArticle and the three renderers, reads back from every
// parser as the same cleaned text: XML-forbidden characters dropped, ASCII whitespace collapsed, the rest kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { toArticle } from '../../src/article/to-article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderRss } from '../../src/render/rss.ts';
import { makeRecord } from '../article/make-record.ts';
import { makeConfig } from '../helpers/factories.ts';
import { findXmlError, htmlToText, parseWithAll, type ParsedItem } from '../helpers/parsers.ts';
import { checkAsyncProperty } from '../helpers/property.ts';

const config = makeConfig();
const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;

/** A piece of generated text and what it must read back as once cleaned (before whitespace is collapsed). */
type Piece = readonly [raw: string, clean: string];
const kept = (...texts: string[]): Piece[] => texts.map((t) => [t, t] as const);

const WORDS = kept(
  'Société',
  'ÉTÉ',
  'l’île',
  'Noël',
  'cœur',
  'ça',
  'à',
  '« guillemets »',
  '—',
  '…',
  'R',
  'x',
  '2024',
  '🌞',
  '👩‍👩‍👧',
  '🇫🇷',
  '東京',
  '한국어',
  'مرحبا',
  'ﬁ',
);
const MARKUP = kept('&', '<', '>', '"', "'", ']]>', '&amp;', '<b>', '</p>', '<![CDATA[', '&#233;', '-->');
// In a summary, which is read as HTML, `&` and `<` stay text only when no entity or tag can start after them.
const SUMMARY_MARKUP = kept('& ', '< ', '>', '"', "'", ']]>', '-->');
const SPACES = kept(' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u202f', '\u2028', '\u3000');
/** What the pipeline must drop: C0 controls, DEL, noncharacters, a lone surrogate (never NUL: records refuse it). */
const DROPPED: Piece[] = ['\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\uFFFE', '\uFFFF', '\uFDD0', '\uD800'].map((c) => [c, ''] as const);

const textOf = (pieces: readonly Piece[]) => fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 });
const title = fc
  .tuple(textOf([...WORDS, ...MARKUP, ...SPACES, ...DROPPED]), fc.constantFrom(...WORDS), textOf([...WORDS, ...MARKUP, ...SPACES, ...DROPPED]))
  .map(([a, w, b]) => [...a, w, ...b]);
const summary = fc.tuple(textOf([...WORDS, ...SUMMARY_MARKUP, ...SPACES, ...DROPPED]), fc.constantFrom(...WORDS)).map(([a, w]) => [...a, w]);
const body = fc.tuple(textOf([...WORDS, ...MARKUP, ...SPACES, ...DROPPED]), fc.constantFrom(...WORDS)).map(([a, w]) => [...a, w]);
const article = fc.record({ title, summary, body });

describe('any text of an article, rendered and read back by every parser', () => {
  it('gives the cleaned title, summary and body text in RSS, Atom and JSON Feed alike', async () => {
    await checkAsyncProperty(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), async (texts) => {
        const articles = texts.map((t, i) => build(t, i));
        const main = buildFeedSet(articles, config).main;
        const expected = new Map(
          articles.map((a, i) => [
            a.guid,
            {
              title: cleaned(texts[i]!.title),
              summary: cleaned(texts[i]!.summary),
              body: cleaned(texts[i]!.body),
            },
          ]),
        );
        for (const format of ['rss', 'atom', 'json'] as const) {
          const document = RENDERERS[format](main, config);
          if (format !== 'json') expect(findXmlError(document), format).toBeUndefined();
          const parsed = await parseWithAll(document, format);
          expect(parsed.map((p) => p.parser)).toEqual(format === 'json' ? ['json-parse', 'feedsmith'] : ['rss-parser', 'feedsmith', 'feed-extractor']);
          for (const feed of parsed) {
            const read = feed.items.map((item) => [item.id, textsOf(item)] as const);
            expect(new Map(read), `${format} read by ${feed.parser}`).toEqual(expected);
          }
        }
      }),
      30,
    );
  });
});

// --- internal ---

/** A JSON record's fields as the loaders give them (strings in NFC), through toArticle; fails on any diagnostic. */
function build(texts: { title: Piece[]; summary: Piece[]; body: Piece[] }, i: number): Article {
  const raw = (pieces: Piece[]) =>
    pieces
      .map(([r]) => r)
      .join('')
      .normalize('NFC');
  const html = `<p>${raw(texts.body).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
  const record = makeRecord(
    { title: raw(texts.title), summary: raw(texts.summary), date: `${i + 1} novembre 2024` },
    { file: `items/p${i}.json`, relPath: `p${i}`, body: { kind: 'html', html, line: 5 } },
  );
  const { value, diagnostics } = toArticle(record, config);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return value!;
}

/** The text every reader must see: the kept pieces, ASCII whitespace runs as one space, trimmed. */
function cleaned(pieces: readonly Piece[]): string {
  return pieces
    .map(([, clean]) => clean)
    .join('')
    .normalize('NFC')
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

/** Title, summary and the body as text (tags dropped, entities decoded, whitespace collapsed), from one parsed item. */
function textsOf(item: ParsedItem): { title: string | undefined; summary: string | undefined; body: string | undefined } {
  return { title: item.title, summary: item.summary, body: item.contentHtml === undefined ? undefined : htmlToText(item.contentHtml) };
}
