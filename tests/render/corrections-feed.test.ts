// corrections.xml: one Atom entry per note, newest first, read back by three parsers; ids that no edit changes;
// no lint finding and no W3C validator error, empty or not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { runW3cValidator } from '../../scripts/w3c-events.ts';
import type { Article, Correction } from '../../src/article/article.ts';
import { collectCorrections } from '../../src/feed-set/collect-corrections.ts';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { renderCorrectionsFeed } from '../../src/render/corrections-feed.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';
import { htmlToText, parseWithAll } from '../helpers/parsers.ts';

const config = makeConfig();
const note = (iso: string, text: string, key = iso.replace(/\.\d{3}Z$|Z$/, '').replace(/[-:]/g, '') + 'Z'): Correction => ({ date: new Date(iso), text, key });

/** Two corrected articles (three notes), one without notes and one draft with a note. */
function makeArticles(): Article[] {
  return [
    makeArticle(
      {
        corrections: [
          note('2024-11-23T09:15:00Z', 'Une version précédente donnait « 12 morts ».'),
          note('2024-11-25T08:00:00Z', 'A & B < C ]]> et ]]> encore.'),
        ],
      },
      1,
    ),
    makeArticle(
      { title: 'Municipales : la liste d’union l’emporte', corrections: [note('2024-11-24T18:30:00Z', 'Le nom du maire était mal orthographié.')] },
      2,
    ),
    makeArticle({}, 3),
    makeArticle({ draft: true, corrections: [note('2024-11-26T00:00:00Z', 'Brouillon.')] }, 4),
  ];
}

const render = (articles: Article[]) => renderCorrectionsFeed(collectCorrections(articles, config.limit), config);

describe('renderCorrectionsFeed', () => {
  describe('when articles carry notes', () => {
    const articles = makeArticles();
    const body = render(articles);

    it.each(['rss-parser', 'feedsmith', 'feed-extractor'])('reads back one entry per published note, newest first, with %s', async (name) => {
      const feed = (await parseWithAll(body, 'atom')).find((f) => f.parser === name)!;
      const [a1, a2] = articles as [Article, Article];
      expect(
        feed.items.map((i) => ({
          id: i.id,
          title: i.title,
          link: i.link,
          updated: i.updated?.toISOString(),
          text: i.contentHtml && htmlToText(i.contentHtml),
        })),
      ).toEqual([
        {
          id: `${a1.guid}#rectificatif-20241125T080000Z`,
          title: `Rectificatif : ${a1.title}`,
          link: a1.link,
          updated: '2024-11-25T08:00:00.000Z',
          text: 'A & B < C ]]> et ]]> encore.',
        },
        {
          id: `${a2.guid}#rectificatif-20241124T183000Z`,
          title: `Rectificatif : ${a2.title}`,
          link: a2.link,
          updated: '2024-11-24T18:30:00.000Z',
          text: 'Le nom du maire était mal orthographié.',
        },
        {
          id: `${a1.guid}#rectificatif-20241123T091500Z`,
          title: `Rectificatif : ${a1.title}`,
          link: a1.link,
          updated: '2024-11-23T09:15:00.000Z',
          text: 'Une version précédente donnait « 12 morts ».',
        },
      ]);
    });

    it('takes its updated from the newest note, never the clock', async () => {
      const [feed] = await parseWithAll(body, 'atom');
      expect(feed?.updated?.toISOString()).toBe('2024-11-25T08:00:00.000Z');
    });

    it('lints without a finding', () => {
      expect(lintFeed({ path: '/corrections.xml', body, format: 'atom', now: new Date('2024-12-02T00:00:00Z') })).toEqual([]);
    });
  });

  describe('when a corrected article and its note are edited', () => {
    it('keeps every entry id: a reader sees each correction once', async () => {
      const ids = async (articles: Article[]) => (await parseWithAll(render(articles), 'atom'))[1]!.items.map((i) => i.id);
      const edited = makeArticles().map((a) => ({
        ...a,
        title: `${a.title} (titre corrigé)`,
        slug: `${a.slug}-corrige`,
        link: `${a.link}corrige/`,
        corrections: a.corrections.map((c) => ({ ...c, text: `${c.text} Texte de la note revu.` })),
      }));
      expect(await ids(edited)).toEqual(await ids(makeArticles()));
    });
  });

  describe('when no article carries a note', () => {
    const body = render([makeArticle({}, 1)]);

    // feed-extractor refuses an Atom feed without entries ("Unrecognized feed format"): feedsmith reads it.
    it('is an empty feed dated by the site’s tagDate', () => {
      const feed = parseAtomFeed(body) as { entries?: unknown[]; updated?: string };
      expect({ entries: feed.entries ?? [], updated: new Date(feed.updated ?? '').toISOString() }).toEqual({
        entries: [],
        updated: '2024-01-01T00:00:00.000Z',
      });
    });

    it('lints without a finding', () => {
      expect(lintFeed({ path: '/corrections.xml', body, format: 'atom', now: new Date('2024-12-02T00:00:00Z') })).toEqual([]);
    });
  });

  describe('keeps to the notes limit', () => {
    it('lists the newest `limit` notes only', () => {
      const many = Array.from({ length: 4 }, (_, i) => makeArticle({ corrections: [note(`2024-11-2${i}T10:00:00Z`, `Note ${i}.`)] }, i + 1));
      expect(collectCorrections(many, 2).map((e) => e.correction.text)).toEqual(['Note 3.', 'Note 2.']);
    });
  });
});

// The W3C Feed Validation Service, as the conformance test runs it: beside the checkout, with Debian's Python modules.
const ROOT = path.resolve(import.meta.dirname, '../..');
const VALIDATOR = [path.join(ROOT, '..'), path.join(ROOT, '../..')]
  .map((dir) => path.join(dir, 'shared/w3c-feedvalidator/src'))
  .find((dir) => existsSync(path.join(dir, 'feedvalidator/__init__.py')));
const RUNNABLE = VALIDATOR !== undefined && spawnSync('/usr/bin/python3', ['-c', 'import html5lib, rdflib, libxml2, lxml'], { stdio: 'ignore' }).status === 0;
if (!RUNNABLE && !process.env.CI) console.warn('corrections-feed.test.ts: the W3C validator check is skipped (see tests/lint/conformance-script.test.ts)');

describe.skipIf(!RUNNABLE && !process.env.CI)('the W3C validator', () => {
  it('reports nothing but the self link a local file cannot match, with notes and without', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazette-corrections-'));
    const files = [render(makeArticles()), render([])].map((body, i) => {
      const file = path.join(dir, `corrections-${i}.xml`);
      writeFileSync(file, body);
      return file;
    });
    const events = runW3cValidator(VALIDATOR ?? '', files);
    const found = files.map((file) => (events.get(file) ?? []).map((e) => e.class).filter((c) => !c.startsWith('Valid') && c !== 'SelfDoesntMatchLocation'));
    expect(found).toEqual([[], []]);
  });
});
