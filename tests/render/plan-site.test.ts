import { describe, expect, it } from 'vitest';
import { isFeedContentType } from '../../src/_lib/feed-formats.ts';
import {
  ARCHIVES_PATH,
  archiveMonthPath,
  articlePath,
  AUTHORS_PATH,
  authorFeedPath,
  CORRECTIONS_FEED_PATH,
  categoryFeedPath,
  feedFilePath,
  feedPagePath,
  HOME_PATH,
  isSitePath,
  NEWS_SITEMAP_PATH,
  OPML_PATH,
  ROBOTS_PATH,
  SITEMAP_PATH,
  NOT_FOUND_PATH,
} from '../../src/_lib/site-paths.ts';
import type { Article } from '../../src/article/article.ts';
import type { ResolvedConfig } from '../../src/config/config-schema.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { planSite, renderPlanned, type PlannedDocument } from '../../src/render/plan-site.ts';
import { renderSite } from '../../src/render/render-site.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

/**
 * Twelve articles over three categories, one of them a sport-only one, signed by Claire Dupont but for the sport one
 * (Zoé Martin's) and one they co-signed.
 */
function makeArticles(): Article[] {
  const articles = Array.from({ length: 11 }, (_, i) => makeArticle(i === 4 ? { authors: [{ name: 'Claire Dupont' }, { name: 'Zoé Martin' }] } : {}, i + 1));
  articles.push(makeArticle({ id: 'sport/finale', categories: [{ slug: 'sport', name: 'Sport' }], authors: [{ name: 'Zoé Martin' }] }, 12));
  return articles;
}

const CONFIGS: [string, ResolvedConfig][] = [
  ['a bare host', makeConfig()],
  ['a mount path and a feed limit of 3', makeConfig({ siteUrl: 'https://example.org/actu', limit: 3 })],
];

describe('planSite', () => {
  // A streaming build reads the bodies of the articles the eager entries show from an eagerOnly plan (render-cache.ts).
  it.each(CONFIGS.flatMap(([label, config]) => [true, false].map((pages) => [label, pages, config] as const)))(
    'names in the deps of an eagerOnly plan the very articles the eager entries of the whole plan show, with %s, pages %s',
    (_label, pages, config) => {
      const feedSet = buildFeedSet(makeArticles(), config);
      const shown = (plan: readonly PlannedDocument[]) =>
        [...new Set(plan.filter((d) => !d.lazy).flatMap((d) => d.deps.filter((dep) => feedSet.articles.includes(dep as Article))))]
          .map((a) => (a as Article).id)
          .sort();
      const eager = planSite(feedSet, config, { pages, eagerOnly: true });
      expect([shown(eager), eager.some((d) => d.lazy)]).toEqual([shown(planSite(feedSet, config, { pages })), false]);
    },
  );

  it.each(CONFIGS)('plans every document at one path, with %s', (_label, config) => {
    const paths = planSite(buildFeedSet(makeArticles(), config), config).map((d) => d.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each(CONFIGS)('plans the paths site-paths.ts builds, and nothing else, with %s', (_label, config) => {
    const feedSet = buildFeedSet(makeArticles(), config);
    const feedPaths = ['', ...['international', 'societe', 'sport'].map(categoryFeedPath), ...['claire-dupont', 'zoe-martin'].map(authorFeedPath)];
    const expected = [
      ...feedPaths.flatMap((feed) => (['rss', 'atom', 'json'] as const).map((format) => feedFilePath(feed, format))),
      CORRECTIONS_FEED_PATH,
      HOME_PATH,
      ...feedPaths.slice(1).map(feedPagePath),
      ARCHIVES_PATH,
      archiveMonthPath(2024, 11),
      NOT_FOUND_PATH,
      ...feedSet.articles.map((a) => articlePath(a.slug)),
      SITEMAP_PATH,
      NEWS_SITEMAP_PATH,
      ROBOTS_PATH,
      OPML_PATH,
    ];
    const planned = planSite(feedSet, config).map((d) => d.path);
    expect({ planned, served: planned.every(isSitePath) }).toEqual({ planned: expected, served: true });
  });

  it.each(CONFIGS)('plans the feeds and their OPML list only when pages are off, with %s', (_label, config) => {
    const feedSet = buildFeedSet(makeArticles(), config);
    const feedsOnly = planSite(feedSet, config, { pages: false });
    expect(feedsOnly.map((d) => d.path)).toEqual([
      ...planSite(feedSet, config)
        .filter((d) => d.kind === 'feed')
        .map((d) => d.path),
      OPML_PATH,
    ]);
  });

  it('gives every feed a feed content type (compressed, served to any origin) and every page text/html', () => {
    const config = makeConfig();
    const wrong = planSite(buildFeedSet(makeArticles(), config), config).filter((d) =>
      d.kind === 'feed' ? !isFeedContentType(d.contentType) : d.kind === 'page' && !d.contentType.startsWith('text/html;'),
    );
    expect(wrong.map((d) => d.path)).toEqual([]);
  });

  it('lets only the archive months, the article pages, each naming its article, and the sitemaps wait for a request', () => {
    const config = makeConfig();
    const feedSet = buildFeedSet(makeArticles(), config);
    const lazy = planSite(feedSet, config).filter((d) => d.lazy);
    expect(lazy.map((d) => [d.path, d.article])).toEqual([
      [archiveMonthPath(2024, 11), undefined],
      ...feedSet.articles.map((a) => [articlePath(a.slug), a]),
      [SITEMAP_PATH, undefined],
      [NEWS_SITEMAP_PATH, undefined],
    ]);
  });

  it('renders an article page from the article it is given: a streaming build’s copy with the body', () => {
    const config = makeConfig();
    const feedSet = buildFeedSet(makeArticles(), config);
    const page = planSite(feedSet, config).find((d) => d.article !== undefined) as PlannedDocument;
    const withOtherBody = { ...(page.article as Article), html: '<p>Le corps relu depuis le fichier.</p>' };
    expect(page.render(withOtherBody)).toContain('Le corps relu depuis le fichier.');
  });
});

describe('renderSite', () => {
  it.each(CONFIGS)('is the plan rendered in its order, with %s', (_label, config) => {
    const feedSet = buildFeedSet(makeArticles(), config);
    expect(renderSite(feedSet, config)).toEqual(planSite(feedSet, config).map((d) => renderPlanned(d)));
  });
});

describe('the deps of a planned document', () => {
  // The builder keeps a document whose deps are the very same objects: the bytes must then be the same too.
  it.each<[string, (article: Article) => Article]>([
    ['retitled', (a) => ({ ...a, title: 'Un tout autre titre' })],
    ['given another summary', (a) => ({ ...a, summary: 'Un autre résumé.' })],
    ['corrected later', (a) => ({ ...a, updated: new Date(a.updated.getTime() + 3_600_000) })],
    ['moved to another category', (a) => ({ ...a, categories: [{ slug: 'national', name: 'National' }] })],
    ['dated earlier than every other', (a) => ({ ...a, date: new Date('2020-01-01T00:00:00Z'), updated: new Date('2020-01-01T00:00:00Z') })],
    ['given a correction note', (a) => ({ ...a, corrections: [{ date: new Date('2024-11-25T10:00:00Z'), text: 'Une note.', key: '20241125T100000Z' }] })],
    ['signed by another author', (a) => ({ ...a, authors: [{ name: 'Marc Petit' }] })],
    ['co-signed', (a) => ({ ...a, authors: [...a.authors, { name: 'Zoé Martin' }] })],
    ['giving its author a URL', (a) => ({ ...a, authors: [{ name: 'Claire Dupont', url: 'https://example.org/equipe/claire' }] })],
    ['unsigned', (a) => ({ ...a, authors: [] })],
    ['moved to the first of the month, Paris time', (a) => ({ ...a, date: new Date('2024-10-31T23:30:00Z'), updated: new Date('2024-10-31T23:30:00Z') })],
  ])('change whenever the bytes change, for an article %s', (_label, edit) => {
    const config = makeConfig({ limit: 5 });
    const before = makeArticles();
    const after = before.map((a, i) => (i === 3 ? edit(a) : a));
    const plan = (articles: Article[]) => new Map(planSite(buildFeedSet(articles, config), config).map((d) => [d.path, d]));
    const [old, next] = [plan(before), plan(after)];
    const stale = [...next].filter(([path, doc]) => {
      const known = old.get(path);
      return known !== undefined && sameDeps(known.deps, doc.deps) && renderPlanned(known).body !== renderPlanned(doc).body;
    });
    expect(stale.map(([path]) => path)).toEqual([]);
  });
});

describe('the corrections feed', () => {
  const NOTE = { date: new Date('2024-11-25T10:00:00Z'), text: 'Une note.', key: '20241125T100000Z' };
  const config = makeConfig();
  const corrections = (articles: Article[]) => planSite(buildFeedSet(articles, config), config).find((d) => d.path === CORRECTIONS_FEED_PATH)!;
  const before = makeArticles().map((a, i) => (i === 3 ? { ...a, corrections: [NOTE] } : a));

  it.each<[string, (article: Article) => Article, boolean]>([
    ['the body of the corrected article is edited', (a) => ({ ...a, html: '<p>Autre texte.</p>', sourceHash: 'autre' }), false],
    ['the corrected article is retitled', (a) => ({ ...a, title: 'Nouveau titre' }), true],
    ['the note is reworded', (a) => ({ ...a, corrections: [{ ...NOTE, text: 'Une note reformulée.' }] }), true],
    ['the note is removed', (a) => ({ ...a, corrections: [] }), true],
  ])('is rendered again only when what it shows changes: when %s, %s', (_label, edit, changes) => {
    const after = before.map((a, i) => (i === 3 ? edit(a) : a));
    expect(!sameDeps(corrections(before).deps, corrections(after).deps)).toBe(changes);
  });
});

describe('the archive in the plan', () => {
  /** The archive documents whose deps changed when `articles` became `after`, by path (new paths included). */
  function rerendered(before: Article[], after: Article[]): string[] {
    const config = makeConfig();
    const archive = (articles: Article[]) =>
      new Map(
        planSite(buildFeedSet(articles, config), config)
          .filter((d) => d.path.startsWith(ARCHIVES_PATH))
          .map((d) => [d.path, d.deps]),
      );
    const [old, next] = [archive(before), archive(after)];
    return [...next].filter(([path, deps]) => !sameDeps(old.get(path) ?? [], deps)).map(([path]) => path);
  }
  const months = (...dates: string[]) => dates.map((date, i) => makeArticle({ date: new Date(date), updated: new Date(date) }, i + 1));

  it.each<[string, string, string[]]>([
    ['in a month the archive has', '2024-11-25T08:00:00Z', [archiveMonthPath(2024, 11)]],
    ['opening a new month', '2024-12-02T08:00:00Z', [ARCHIVES_PATH, archiveMonthPath(2024, 12)]],
    ['backdated into an old month', '2024-09-15T08:00:00Z', [archiveMonthPath(2024, 9)]],
  ])('re-renders, for a new article %s, its month page and the index only when the month is new', (_label, date, expected) => {
    const before = months('2024-09-01T08:00:00Z', '2024-10-10T08:00:00Z', '2024-11-20T08:00:00Z');
    const after = [...before, makeArticle({ date: new Date(date), updated: new Date(date) }, 99)];
    expect(rerendered(before, after)).toEqual(expected);
  });

  it('cuts a month of more than 500 articles into pages from the oldest, so a new one changes only the last', () => {
    const start = Date.UTC(2024, 10, 1, 8);
    const before = Array.from({ length: 1_001 }, (_, i) => makeArticle({ date: new Date(start + i * 60_000), updated: new Date(start + i * 60_000) }, i + 1));
    const after = [...before, makeArticle({ date: new Date(start + 2_000 * 60_000), updated: new Date(start + 2_000 * 60_000) }, 5_000)];
    expect(rerendered(before, after)).toEqual([archiveMonthPath(2024, 11, 3)]);
  });
});

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((dep, i) => Object.is(dep, b[i]));
}

describe('the deps of the author documents', () => {
  // A live edit re-renders only the author feeds and pages the article is in: the others keep the very same deps.
  it.each<[string, number, (article: Article) => Article, string[]]>([
    ['retitled', 11, (a) => ({ ...a, title: 'Finale : un autre titre' }), ['zoe-martin']],
    ['retitled', 0, (a) => ({ ...a, title: 'Un autre titre' }), ['claire-dupont']],
    ['retitled', 4, (a) => ({ ...a, title: 'Un autre titre' }), ['claire-dupont', 'zoe-martin']],
    ['signed by another author', 11, (a) => ({ ...a, authors: [{ name: 'Marc Petit' }] }), ['marc-petit', 'zoe-martin']],
  ])('change for an article %s (#%i) in the documents of %j only', (_label, index, edit, changed) => {
    const config = makeConfig();
    const before = makeArticles();
    const after = before.map((a, i) => (i === index ? edit(a) : a));
    const plan = (articles: Article[]) => new Map(planSite(buildFeedSet(articles, config), config).map((d) => [d.path, d]));
    const [old, next] = [plan(before), plan(after)];
    const authorPaths = [...next.keys()].filter((path) => path.startsWith(AUTHORS_PATH));
    const rerendered = authorPaths.filter((path) => !old.has(path) || !sameDeps(old.get(path)!.deps, next.get(path)!.deps));
    expect(rerendered).toEqual(authorPaths.filter((path) => changed.some((slug) => path.startsWith(`${authorFeedPath(slug)}/`))));
  });
});
