import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../src/article/clean-html.ts';
import { localizeUrls } from '../../src/render/local-urls.ts';

const SITE = 'https://x.org/actu';
/** A body as article/ leaves it: sanitised, every URL absolute against the article's link. */
const body = (html: string) => cleanHtml(html, `${SITE}/articles/a/`);

describe('localizeUrls', () => {
  it.each([
    ['a link to a page of the site', '<a href="/actu/articles/b/">b</a>', '<a href="/actu/articles/b/">b</a>'],
    ['a link relative to the article', '<a href="../b/">b</a>', '<a href="/actu/articles/b/">b</a>'],
    ['an image of the site’s host', '<img src="/photos/a.jpg" alt="" />', '<img src="/photos/a.jpg" alt="" />'],
    ['a link to another host', '<a href="https://ailleurs.example.net/x">x</a>', '<a href="https://ailleurs.example.net/x">x</a>'],
    ['a mailto link', '<a href="mailto:redaction@x.org">écrire</a>', '<a href="mailto:redaction@x.org">écrire</a>'],
    [
      'a srcset mixing the site and a CDN',
      '<img src="/p/a.jpg" srcset="/p/a.jpg 1x, https://cdn.example.net/b.jpg 2x, /p/c.jpg 3x" />',
      '<img src="/p/a.jpg" srcset="/p/a.jpg 1x, https://cdn.example.net/b.jpg 2x, /p/c.jpg 3x" />',
    ],
    ['text that looks like an attribute', '<p>le code src="https://x.org/a" reste</p>', '<p>le code src="https://x.org/a" reste</p>'],
    ['an attribute value holding a `>`', '<a title="a > b" href="/actu/c/">c</a>', '<a title="a &gt; b" href="/actu/c/">c</a>'],
  ])('writes %s root-relative when it is on the site', (_label, html, expected) => {
    expect(localizeUrls(body(html), SITE)).toBe(expected);
  });
});
