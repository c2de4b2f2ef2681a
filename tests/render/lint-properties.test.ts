// Property: whatever text an article holds — entity-like text, markup, CDATA delimiters, control characters — the
// three renderers' output passes the project's own lint without an error and parses in every parser of the round
// trip. A title about character encodings must never withhold a feed (issue 16, part 1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { toArticle } from '../../src/article/to-article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderRss } from '../../src/render/rss.ts';
import { makeRecord } from '../article/make-record.ts';
import { makeConfig } from '../helpers/factories.ts';
import { findXmlError, parseWithAll } from '../helpers/parsers.ts';
import { checkAsyncProperty } from '../helpers/property.ts';

const config = makeConfig();
const NOW = new Date('2024-12-01T12:00:00Z');
const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;
const PARSERS = { rss: ['rss-parser', 'feedsmith', 'feed-extractor'], atom: ['rss-parser', 'feedsmith', 'feed-extractor'], json: ['json-parse', 'feedsmith'] };

const WORDS = ['Société', 'l’île', 'cœur', '« guillemets »', '—', 'x', '2024', '🇫🇷', '東京'];
/** Text that reads like a reference, an entity, a tag or a CDATA or comment delimiter once it sits in a document. */
const ENTITY_LIKE = ['&#x0;', '&#0;', '&#1;', '&#x1F;', '&#xFFFE;', '&#x85;', '&#xD800;', '&amp;#0;', '&lt;', '&amp;', '&eacute;', '&'];
const MARKUP = [']]>', ']]>]]>', '<![CDATA[', '-->', '<!--', '<?xml ?>', '<b>', '</p>', '<', '>', '"', "'", '\\'];
const CONTROLS = ['\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\u0092', '\uFFFE', '\uFFFF', '\uFFFD', '\uD800'];
const SPACES = [' ', '\t', '\n', '\r\n', '\u00a0', '\u2028'];

const textOf = (pieces: readonly string[]) =>
  fc.tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }), fc.constantFrom(...WORDS)).map(([parts, word]) => [word, ...parts].join(''));
const hostile = [...WORDS, ...ENTITY_LIKE, ...MARKUP, ...CONTROLS, ...SPACES];
const article = fc.record({ title: textOf(hostile), summary: fc.option(textOf(hostile), { nil: undefined }), body: textOf(hostile) });

describe('an article of any text, rendered', () => {
  it('lints without an error and parses in every parser, in RSS, Atom and JSON Feed alike', async () => {
    await checkAsyncProperty(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), async (texts) => {
        const main = buildFeedSet(texts.map(build), config).main;
        expect(main.articles).toHaveLength(texts.length);
        for (const format of ['rss', 'atom', 'json'] as const) {
          const document = RENDERERS[format](main, config);
          const errors = lintFeed({ path: `/feed.${format}`, body: document, format, now: NOW }).filter((d) => d.severity === 'error');
          expect(errors, format).toEqual([]);
          if (format !== 'json') expect(findXmlError(document), format).toBeUndefined();
          const parsed = await parseWithAll(document, format);
          expect(parsed.map((p) => [p.parser, p.items.length])).toEqual(PARSERS[format].map((p) => [p, texts.length]));
        }
      }),
      60,
    );
  });
});

// --- internal ---

/** A Markdown record with these texts (strings in NFC, as the loaders give them), through toArticle. */
function build(texts: { title: string; summary: string | undefined; body: string }, i: number): Article {
  const record = makeRecord(
    {
      title: texts.title.normalize('NFC'),
      ...(texts.summary === undefined ? {} : { summary: texts.summary.normalize('NFC') }),
      date: `${i + 1} novembre 2024`,
    },
    { file: `items/p${i}.md`, relPath: `p${i}`, body: { kind: 'markdown', text: texts.body.normalize('NFC'), line: 6 } },
  );
  const { value, diagnostics } = toArticle(record, config);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return value!;
}
