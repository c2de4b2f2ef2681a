import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import type { ResolvedConfig } from '../../src/config/config-schema.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import type { FeedDefinition } from '../../src/feed-set/feed-set.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { CONTENT_TYPES, type RenderedDocument } from '../../src/render/render-site.ts';
import { renderRss } from '../../src/render/rss.ts';
import { createLintGate, MAX_GATE_ROUNDS, type GatedFeed } from '../../src/site/lint-gate.ts';
import { makeRecord } from '../article/make-record.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';
import { parseWithAll } from '../helpers/parsers.ts';

const NOW = new Date('2024-12-01T12:00:00Z');
const FORMATS = {
  rss: { path: '/feed.xml', contentType: CONTENT_TYPES.rss, render: renderRss },
  atom: { path: '/atom.xml', contentType: CONTENT_TYPES.atom, render: renderAtom },
  json: { path: '/feed.json', contentType: CONTENT_TYPES.json, render: renderJsonFeed },
} as const;
type Format = keyof typeof FORMATS;
const PARSERS = { rss: ['rss-parser', 'feedsmith', 'feed-extractor'], atom: ['rss-parser', 'feedsmith', 'feed-extractor'], json: ['json-parse', 'feedsmith'] };

/** Written where a renderer with a defect would write U+0001: XML 1.0 §2.2 forbids it, and raw in JSON it is malformed. */
const BROKEN = 'CASSÉ';
/** A record as the loaders read it: title on line 2, date on 3, summary on 4, the body from line 6. */
const recordOf = (article: Article) => makeRecord({ title: article.title, date: '22 novembre 2024', summary: article.summary }, { file: article.file });

/**
 * A feed of `articles` in `format`, rendered by the real renderer but for one defect: `break` picks what it writes
 * wrong (by default every `CASSÉ`). `renders` counts the renders after the first.
 */
function makeFeed(
  format: Format,
  articles: readonly Article[],
  options: { config?: ResolvedConfig; break?: (body: string, shown: FeedDefinition) => string } = {},
) {
  const config = options.config ?? makeConfig();
  const { path, contentType, render } = FORMATS[format];
  const defect = options.break ?? ((body: string) => body.replaceAll(BROKEN, '\u0001'));
  const definition = buildFeedSet(articles, config).main;
  const make = (shown: FeedDefinition): RenderedDocument => ({
    path,
    contentType,
    body: defect(render(shown, config), shown),
    lastModified: definition.updated,
  });
  const counter = { renders: 0 };
  const feed: GatedFeed = {
    articles: definition.articles,
    render: (shown) => {
      counter.renders++;
      return make({ ...definition, articles: shown });
    },
  };
  return { doc: make(definition), feed, articles: definition.articles, counter };
}

const three = () => [makeArticle({}, 1), makeArticle({ title: `Un titre ${BROKEN}` }, 2), makeArticle({}, 3)];
const idsOf = async (doc: RenderedDocument, format: Format) => (await parseWithAll(doc.body, format)).map((p) => [p.parser, p.items.map((i) => i.id)]);
const gate = () => createLintGate({ readRecord: async (article) => recordOf(article) });

describe('the lint gate', () => {
  describe.each(['rss', 'atom', 'json'] as const)('with a %s feed', (format) => {
    describe('when it lints clean', () => {
      it('publishes the very document, renders nothing again and reports no error', async () => {
        const { doc, feed, counter } = makeFeed(format, [makeArticle({}, 1), makeArticle({}, 2)]);
        const result = await gate().check(doc, feed, NOW);
        expect([result.doc === doc, counter.renders, result.diagnostics.filter((d) => d.severity === 'error')]).toEqual([true, 0, []]);
      });
    });

    describe('when one article’s title breaks it', () => {
      it('publishes it with every other article, which every parser reads', async () => {
        const { doc, feed, articles } = makeFeed(format, three());
        const result = await gate().check(doc, feed, NOW);
        const others = articles.filter((a) => !a.title.includes(BROKEN)).map((a) => a.guid);
        expect(await idsOf(result.doc!, format)).toEqual(PARSERS[format].map((p) => [p, others]));
      });

      it('reports one error on the article’s record, naming its file, the title’s line and the feed', async () => {
        const { doc, feed } = makeFeed(format, three());
        const result = await gate().check(doc, feed, NOW);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(
          errors.map((d) => [d.file, d.line, d.field, d.code, d.source, d.message.startsWith(`left out of ${FORMATS[format].path}, whose line `)]),
        ).toEqual([['items/test/article-2.md', 2, 'title', 'left-out-of-feed', 'record', true]]);
      });

      it('takes the same text under a new date as linted: the same findings, what it publishes under the new date, nothing rendered again', async () => {
        const { doc, feed, counter } = makeFeed(format, three());
        const checker = gate();
        const first = await checker.check(doc, feed, NOW);
        const renders = counter.renders;
        const later = { ...doc, lastModified: new Date(doc.lastModified.getTime() + 60_000) };
        const second = await checker.check(later, feed, NOW);
        expect([second.doc?.body === first.doc?.body, second.doc?.lastModified, second.diagnostics, second.leftOut, counter.renders]).toEqual([
          true,
          later.lastModified,
          first.diagnostics,
          first.leftOut,
          renders,
        ]);
      });

      it('names the article left out', async () => {
        const { doc, feed, articles } = makeFeed(format, three());
        expect((await gate().check(doc, feed, NOW)).leftOut).toEqual([articles[1]]);
      });
    });

    describe('when one article’s title makes it malformed, before the items of others', () => {
      it('publishes it with every other article, and reports the one left out', async () => {
        // RSS writes titles as CDATA, Atom as escaped text: `]]><` breaks either; a raw `"` ends a JSON string.
        const malformed = format === 'json' ? '"' : ']]><';
        const articles = [...three(), makeArticle({}, 4)];
        const { doc, feed } = makeFeed(format, articles, { break: (body) => body.replaceAll(BROKEN, malformed) });
        const result = await gate().check(doc, feed, NOW);
        const kept = feed.articles.filter((a) => !a.title.includes(BROKEN)).map((a) => a.guid);
        const reported = result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, /not well-formed XML|not valid JSON/.test(d.message)]);
        expect([await idsOf(result.doc!, format), reported]).toEqual([PARSERS[format].map((p) => [p, kept]), [['items/test/article-2.md', true]]]);
      });
    });

    describe('when one article’s body breaks it', () => {
      it('names the line where the record’s body starts', async () => {
        const articles = [makeArticle({}, 1), makeArticle({ html: `<p>Un corps ${BROKEN}</p>` }, 2)];
        const { doc, feed } = makeFeed(format, articles);
        const result = await gate().check(doc, feed, NOW);
        expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.field])).toEqual([
          ['items/test/article-2.md', 6, 'body'],
        ]);
      });
    });

    describe('when the record cannot be read again', () => {
      it('names the record’s first line', async () => {
        const { doc, feed } = makeFeed(format, three());
        const result = await createLintGate().check(doc, feed, NOW);
        expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line])).toEqual([['items/test/article-2.md', 1]]);
      });
    });

    describe('when an error is in the feed’s own head, which no article explains, and another in an article', () => {
      it('withholds the document with its lint errors, and leaves no article out', async () => {
        const { doc, feed } = makeFeed(format, three(), { config: makeConfig({ title: `La Gazette ${BROKEN}` }) });
        const result = await gate().check(doc, feed, NOW);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        const fromFeed = errors.every((d) => d.source === 'feed' && d.file === FORMATS[format].path);
        expect([result.doc, result.leftOut, errors.length > 0, fromFeed]).toEqual([undefined, [], true, true]);
      });
    });

    describe('when it cannot be rendered again', () => {
      it('withholds the document', async () => {
        const { doc } = makeFeed(format, three());
        expect((await gate().check(doc, undefined, NOW)).doc).toBeUndefined();
      });
    });

    describe('when each render breaks another article', () => {
      it(`withholds the document after ${MAX_GATE_ROUNDS} renders`, async () => {
        const articles = [1, 2, 3, 4, 5, 6].map((n) => makeArticle({}, n));
        // The first article shown is written wrong, whichever it is: leaving articles out never ends it.
        const { doc, feed, counter } = makeFeed(format, articles, { break: (body, shown) => body.replace(shown.articles[0]!.title, '\u0001') });
        const result = await gate().check(doc, feed, NOW);
        expect([result.doc, result.leftOut, counter.renders]).toEqual([undefined, [], MAX_GATE_ROUNDS]);
      });
    });

    describe('when the same document comes again', () => {
      it('answers from memory, without linting or rendering again', async () => {
        const { doc, feed, counter } = makeFeed(format, three());
        const memo = gate();
        const first = await memo.check(doc, feed, NOW);
        const second = await memo.check(doc, feed, NOW);
        expect([second === first, counter.renders]).toEqual([true, 1]);
      });
    });
  });
});
