import { describe, expect, it } from 'vitest';
import { wantsPage } from '../../src/http/not-found.ts';

describe('wantsPage', () => {
  it.each([
    // Pages: a folder, a path without an extension, an HTML file.
    ['/', true],
    ['/articles/disparu/', true],
    ['/articles/disparu', true],
    ['/archives/2024/11/', true],
    ['/ancienne-page.html', true],
    ['/Ancienne.HTM', true],
    ['/articles/disparu/?utm_source=x', true],
    ['/.well-known/', true],
    // Files: feeds, images, robots.txt — their readers cannot use a page.
    ['/feed.xml', false],
    ['/categories/x/feed.json', false],
    ['/categories/x/atom.xml?y=1', false],
    ['/favicon.ico', false],
    ['/robots.txt', false],
    ['/photos/une.jpg', false],
    ['/.env', true],
  ])('tells %s wants a page: %s', (path, expected) => {
    expect(wantsPage(path)).toBe(expected);
  });
});
