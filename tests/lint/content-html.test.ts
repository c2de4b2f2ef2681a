import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, atomEntry, jsonDoc, jsonItem, lineOfMarker, NOW, rssDoc, rssItem } from './feed-docs.ts';

const lintContent = (html: string) => {
  const body = rssDoc({ items: [rssItem({ content: `<content:encoded><![CDATA[<p>Début</p>\n${html}]]></content:encoded>` })] });
  return { body, found: lintFeed({ path: '/feed.xml', body, format: 'rss', now: NOW }) };
};

describe('HTML content', () => {
  describe('when it is safe and every URL is absolute', () => {
    it.each([
      '<p><a href="https://example.org/a">lien</a> <a href="mailto:redac@example.org">courriel</a></p>',
      '<img src="https://example.org/i.jpg" srcset="https://example.org/i.jpg 1x, https://example.org/i@2x.jpg 2x" alt="">',
      '<figure><img src="data:image/png;base64,AAAA" alt=""><figcaption>« Légende » &amp; crédit</figcaption></figure>',
      '<!-- <script>alert(1)</script> --><p>Commentaire ignoré</p>',
      '<p>Le mot onload et javascript: dans le texte ne sont pas du code.</p>',
      '<p>3 &lt; 4 &amp; 5 &gt; 2</p>',
    ])('reports nothing for %s', (html) => {
      expect(lintContent(html).found).toEqual([]);
    });
  });

  describe('when it is unsafe or relative', () => {
    it.each([
      ['unsafe-element', '<script>alert(1)</script>'],
      ['unsafe-element', '<SCRIPT src="https://evil.example/x.js"></SCRIPT>'],
      ['unsafe-element', '<iframe src="https://example.org/v"></iframe>'],
      ['unsafe-element', '<object data="https://example.org/f.swf"></object>'],
      ['unsafe-element', '<embed src="https://example.org/f.swf">'],
      ['unsafe-element', '<style>p { color: red }</style>'],
      ['unsafe-attribute', '<img src="https://example.org/i.jpg" onerror="alert(1)">'],
      ['unsafe-attribute', '<p onClick=\'x()\'>texte</p>'],
      ['unsafe-url', '<a href="javascript:alert(1)">x</a>'],
      ['unsafe-url', '<a href=" JavaScript:alert(1)">x</a>'],
      ['unsafe-url', '<a href="java&#x09;script:alert(1)">x</a>'],
      ['unsafe-url', '<a href="javascript&colon;alert(1)">x</a>'],
      ['relative-url', '<a href="/articles/autre/">x</a>'],
      ['relative-url', '<a href="../autre.html">x</a>'],
      ['relative-url', '<a href="//cdn.example.org/x">x</a>'],
      ['relative-url', '<img src="images/photo.jpg" alt="">'],
      ['relative-url', '<img src="https://example.org/a.jpg" srcset="https://example.org/a.jpg 1x, a@2x.jpg 2x">'],
      ['relative-url', '<video poster="poster.jpg" src="https://example.org/v.mp4"></video>'],
    ])('reports %s for %s on its line', (code, html) => {
      const { body, found } = lintContent(html);
      expect(found.filter((d) => d.code === code).map((d) => [d.line, d.field])).toEqual([[lineOfMarker(body, html), 'content:encoded']]);
    });
  });

  describe('when the content sits in an Atom entry', () => {
    it('finds markup in escaped html content', () => {
      const body = atomDoc({ entries: [atomEntry({ content: '<content type="html">&lt;p&gt;a&lt;/p&gt;\n&lt;script&gt;x()&lt;/script&gt;</content>' })] });
      const found = lintFeed({ path: '/atom.xml', body, format: 'atom', now: NOW }).filter((d) => d.code === 'unsafe-element');
      expect(found.map((d) => d.line)).toEqual([lineOfMarker(body, '&lt;script')]);
    });
    it('finds markup in xhtml content', () => {
      const body = atomDoc({ entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\n<a href="relatif.html">x</a></div></content>' })] });
      const found = lintFeed({ path: '/atom.xml', body, format: 'atom', now: NOW }).filter((d) => d.code === 'relative-url');
      expect(found.map((d) => d.line)).toEqual([lineOfMarker(body, '<a href')]);
    });
  });

  describe('when the content sits in a JSON Feed item', () => {
    it('finds markup in content_html on the line of the value', () => {
      const body = jsonDoc({}, [jsonItem({ content_html: '<p onmouseover="x()">a</p>' })]);
      const found = lintFeed({ path: '/feed.json', body, format: 'json', now: NOW }).filter((d) => d.code === 'unsafe-attribute');
      expect(found.map((d) => d.line)).toEqual([lineOfMarker(body, '"content_html"')]);
    });
  });
});
