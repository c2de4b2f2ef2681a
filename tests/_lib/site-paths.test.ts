import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVES_PATH,
  archiveMonthPath,
  articlePath,
  articleUrl,
  basePathOf,
  categoriesUrl,
  categoryFeedPath,
  feedFilePath,
  feedPagePath,
  feedUrls,
  isSitePath,
  encodePath,
  NOT_FOUND_PATH,
  pageUrlOf,
  rootRelativeUrl,
} from '../../src/_lib/site-paths.ts';
import { casesOf } from '../helpers/cases.ts';

describe('the paths of the site', () => {
  it.each([
    ['the main feed in RSS', feedFilePath('', 'rss'), '/feed.xml'],
    ['the main feed in Atom', feedFilePath('', 'atom'), '/atom.xml'],
    ['the main feed in JSON Feed', feedFilePath('', 'json'), '/feed.json'],
    ['a category feed in Atom', feedFilePath(categoryFeedPath('societe'), 'atom'), '/categories/societe/atom.xml'],
    ['the front page', feedPagePath(''), '/'],
    ['a category page', feedPagePath(categoryFeedPath('societe')), '/categories/societe/'],
    ['an article page', articlePath('le-titre'), '/articles/le-titre/'],
    ['the archive index', ARCHIVES_PATH, '/archives/'],
    ['a month of the archive', archiveMonthPath(2024, 11), '/archives/2024/11/'],
    ['a month before October', archiveMonthPath(2025, 1), '/archives/2025/01/'],
    ['the third page of a long month', archiveMonthPath(2024, 11, 3), '/archives/2024/11/page/3/'],
    ['the 404 page', NOT_FOUND_PATH, '/404.html'],
  ])('puts %s at its path', (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });

  const basePaths = casesOf('_lib/site-paths', 'base paths', 'string', 'string', 'string');

  it.each(basePaths)('builds the URLs of a site at %s below its base path', (siteUrl, base, articleUrlPath) => {
    expect({
      base: basePathOf(siteUrl),
      article: new URL(articleUrl(siteUrl, 'a')).pathname,
      categories: categoriesUrl({ siteUrl }),
      feeds: feedUrls({ path: categoryFeedPath('sport') }, { siteUrl }),
    }).toEqual({
      base,
      article: articleUrlPath,
      categories: `${siteUrl}/categories/`,
      feeds: {
        html: `${siteUrl}/categories/sport/`,
        rss: `${siteUrl}/categories/sport/feed.xml`,
        atom: `${siteUrl}/categories/sport/atom.xml`,
        json: `${siteUrl}/categories/sport/feed.json`,
      },
    });
  });

  it.each(casesOf('_lib/site-paths', 'encodePath', 'string', 'string'))('encodes each segment of %s once: %s', (sitePath, expected) => {
    expect(encodePath(sitePath)).toBe(expected);
  });

  const rootRelativeUrls = casesOf('_lib/site-paths', 'rootRelativeUrl', 'string', 'string', 'string');

  it.each(rootRelativeUrls)('links pages of %s to %s root-relatively: %s', (siteUrl, sitePath, expected) => {
    expect(rootRelativeUrl(siteUrl, sitePath)).toBe(expected);
  });

  it.each(casesOf('_lib/site-paths', 'pageUrlOf', 'string', 'string', 'string'))('writes %s on a page of %s as %s', (url, siteUrl, expected) => {
    expect(pageUrlOf(url, siteUrl)).toBe(expected);
  });

  it.each(casesOf('_lib/site-paths', 'isSitePath', 'string', 'boolean'))('counts %s as the site’s own path: %s', (sitePath, expected) => {
    expect(isSitePath(sitePath)).toBe(expected);
  });
});

describe('one home for URLs', () => {
  it('leaves no site path or siteUrl concatenation in any other source file', async () => {
    const src = path.resolve(import.meta.dirname, '../../src');
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith(path.join('_lib', 'site-paths.ts')));
    // Code only (comments describe paths freely): a quoted path below a site folder, or text glued after siteUrl.
    const spelled = /['"`]\/(articles|categories)\b|siteUrl\}\/|siteUrl\s*\+/;
    const found: string[] = [];
    for (const file of files) {
      const lines = (await readFile(path.join(src, file), 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (!/^\s*(\/\/|\*|\/\*\*)/.test(line) && spelled.test(line)) found.push(`${file}:${index + 1}`);
      });
    }
    expect(found).toEqual([]);
  });
});
