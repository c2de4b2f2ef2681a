// renderLayout renders the frame shared by a build's pages once per FeedSet and config: these tests hold that the
// frame follows the FeedSet and the config it is given (never one seen before), and that a page's own parts are
// spliced in line by line as before (an empty main or head line leaves no blank line).
import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/article/article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderLayout, type PageFrame } from '../../src/render/html-layout.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const SOCIETE: Category = { slug: 'societe', name: 'Société' };
const SPORT: Category = { slug: 'sport', name: 'Sport' };

const FRAME: PageFrame = { title: 'Une page', description: 'Sa description', alternates: [], isHome: false, main: '<p>Corps</p>' };

describe('renderLayout', () => {
  it.each([
    ['title', { title: 'Le Progrès' }, { title: 'La Voix du Nord' }, (c: { title: string }) => `>${c.title}</a></p>`],
    ['copyright', { copyright: '© Le Progrès' }, { copyright: '© La Voix' }, (c: { copyright?: string }) => `<p>${c.copyright} · `],
    ['language', { language: 'fr-FR' }, { language: 'fr-CA' }, (c: { language?: string }) => `<html lang="${c.language}">`],
  ] as const)('writes the %s of each config given with one feed set, not the first one’s', (_field, first, second, expected) => {
    const configs = [makeConfig(first), makeConfig(second)];
    const feedSet = buildFeedSet([makeArticle({ categories: [SOCIETE] })], configs[0]!);
    const pages = configs.map((config) => renderLayout(FRAME, feedSet, config));
    expect(pages.map((page, i) => page.includes(expected(configs[i] as never)))).toEqual([true, true]);
  });

  it('shows the categories of each feed set given with one config, not the first one’s', () => {
    const config = makeConfig();
    const sets = [[SOCIETE], [SPORT]].map((categories) => buildFeedSet([makeArticle({ categories })], config));
    const navs = sets.map((feedSet) => /<nav aria-label="Rubriques">[\s\S]*?<\/nav>/.exec(renderLayout(FRAME, feedSet, config))?.[0]);
    expect(navs.map((nav) => [nav?.includes('Société'), nav?.includes('Sport')])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it.each([
    ['an empty main', { main: '' }, [SOCIETE]],
    ['empty head lines', { head: ['', '<meta name="x" content="y">', ''] }, [SOCIETE]],
    ['no category to show (no nav)', {}, []],
  ])('leaves no blank line for %s', (_name, parts, categories) => {
    const config = makeConfig(categories.length === 0 ? { categories: {} } : {});
    const page = renderLayout({ ...FRAME, ...parts }, buildFeedSet([makeArticle({ categories })], config), config);
    expect([page.includes('\n\n'), page.includes('<nav')]).toEqual([false, categories.length > 0]);
  });

  it('gives the front page the site name as its h1 and every other page a link home, in one build', () => {
    const config = makeConfig({ title: 'Le Progrès' });
    const feedSet = buildFeedSet([makeArticle()], config);
    const [home, other] = [true, false].map((isHome) => renderLayout({ ...FRAME, isHome }, feedSet, config));
    expect([home?.includes('<h1 class="site-title">Le Progrès</h1>'), other?.includes('<p class="site-title"><a href="/">Le Progrès</a></p>')]).toEqual([
      true,
      true,
    ]);
  });
});
