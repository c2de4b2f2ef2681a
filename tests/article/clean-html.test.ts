import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../src/article/clean-html.ts';
import { casesOf } from '../helpers/cases.ts';

const BASE = 'https://example.org/articles/maroc/';

describe('cleanHtml', () => {
  describe('when the HTML holds something unsafe', () => {
    it.each([
      ['<p>a</p><script>alert(1)</script>', '<p>a</p>'],
      ['<p>a</p><style>p{color:red}</style>', '<p>a</p>'],
      ['<p onclick="steal()">a</p>', '<p>a</p>'],
      ['<p><img src="x.png" onerror="steal()" alt="x"></p>', `<p><img src="${BASE}x.png" alt="x" /></p>`],
      ['<a href="javascript:alert(1)">a</a>', '<a>a</a>'],
      ['<a href="JaVaScRiPt:alert(1)">a</a>', '<a>a</a>'],
      ['<a href="java\tscript:alert(1)">a</a>', '<a>a</a>'],
      ['<a href="data:text/html,x">a</a>', '<a>a</a>'],
      ['<p>a<iframe src="https://evil.example/">fallback</iframe></p>', '<p>a</p>'],
      ['<object data="x.swf"><p>plugin</p></object><p>b</p>', '<p>b</p>'],
      ['<embed src="x.swf"><p>b</p>', '<p>b</p>'],
      ['<form action="/x"><p>Votre e-mail</p><input name="e"></form><p>b</p>', '<p>b</p>'],
      ['<p style="color:red" class="x">a</p>', '<p>a</p>'],
      ['<img src="javascript:alert(1)">', ''],
      ['<img src="data:image/png;base64,AAAA">', ''],
    ])('cleans %j to %j', (html, expected) => {
      expect(cleanHtml(html, BASE)).toBe(expected);
    });
  });

  describe('when the HTML is ordinary article markup', () => {
    it.each(casesOf('article/clean-html', 'ordinary markup', 'string'))('keeps %j', (html) => {
      expect(cleanHtml(html, BASE)).toBe(html);
    });

    it('turns a body h1 into an h2', () => {
      expect(cleanHtml('<h1>Titre</h1>', BASE)).toBe('<h2>Titre</h2>');
    });
  });

  describe('when URLs are relative', () => {
    it.each([
      ['<a href="/rubrique/">a</a>', '<a href="https://example.org/rubrique/">a</a>'],
      ['<a href="suite.html">a</a>', `<a href="${BASE}suite.html">a</a>`],
      ['<a href="../autre/">a</a>', '<a href="https://example.org/articles/autre/">a</a>'],
      ['<a href="#note-1">a</a>', `<a href="${BASE}#note-1">a</a>`],
      ['<a href="//cdn.example/x">a</a>', '<a href="https://cdn.example/x">a</a>'],
      ['<img src="/img/a.jpg">', '<img src="https://example.org/img/a.jpg" />'],
      ['<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x">', `<img src="${BASE}a.jpg" srcset="${BASE}a.jpg 1x, https://example.org/b.jpg 2x" />`],
      ['<img src="a.jpg" srcset="a-320.jpg 320w,a-640.jpg 640w">', `<img src="${BASE}a.jpg" srcset="${BASE}a-320.jpg 320w, ${BASE}a-640.jpg 640w" />`],
    ])('makes %j absolute', (html, expected) => {
      expect(cleanHtml(html, BASE)).toBe(expected);
    });
  });

  describe('when the text could break XML', () => {
    it.each([
      ['<p>a ]]> b ]]> c</p>', '<p>a ]]&gt; b ]]&gt; c</p>'],
      ['<p>Tom & Jerry &amp; co</p>', '<p>Tom &amp; Jerry &amp; co</p>'],
      ['<p>a\u0001b\u000Bc\u000Cd\u0000e</p>', '<p>abcde</p>'],
      ['<p>a\uFFFEb\uFFFFc\uD800d</p>', '<p>abcd</p>'],
      ['<img src="a.jpg" alt="]]> & \u0001">', `<img src="${BASE}a.jpg" alt="]]&gt; &amp; " />`],
    ])('makes %j safe', (html, expected) => {
      expect(cleanHtml(html, BASE)).toBe(expected);
    });

    it('keeps tabs, newlines, NBSP and French quotes', () => {
      expect(cleanHtml('<p>«\u00a0Oui\u00a0» l’été\tici\n</p>', BASE)).toBe('<p>«\u00a0Oui\u00a0» l’été\tici\n</p>');
    });

    it('keeps characters outside the BMP', () => {
      expect(cleanHtml('<p>🔥</p>', BASE)).toBe('<p>🔥</p>');
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for a relative base URL', () => {
      expect(() => cleanHtml('<p>a</p>', '/articles/x/')).toThrow(TypeError);
    });
  });
});
