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
      '<h2 class="kicker">BANDE DESSINÉE</h2><p lang="en" dir="ltr">class, lang and dir are fine</p>',
      '<p style="color: #333; text-align: center; margin: 0 auto; font-family: \'Open Sans\'">style without risk</p>',
      '<p><time datetime="2024-11-22">22 novembre</time> <mark>marqué</mark> <data value="1">un</data></p>',
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
      ['unsafe-element', '<body><p>page entière</p></body>'],
      ['unsafe-element', '<meta http-equiv="refresh" content="0">'],
      ['unknown-html-element', '<p>Texte Word<o:p></o:p></p>'],
      ['unknown-html-element', '<blink>clignotant</blink>'],
      ['unsafe-style', '<p style="position: absolute; top: 0">par-dessus</p>'],
      ['unsafe-style', '<div style="background: url(https://evil.example/x.png)">x</div>'],
      ['unsafe-style', '<p style="width: expression(alert(1))">x</p>'],
      ['unsafe-attribute', '<img src="https://example.org/i.jpg" onerror="alert(1)">'],
      ['unsafe-attribute', "<p onClick='x()'>texte</p>"],
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

  describe('when the validator reports the markup as a warning', () => {
    it.each([
      ['unknown-html-element', '<o:p></o:p>'],
      ['unsafe-style', '<p style="max-width: 100%">x</p>'],
    ])('reports %s as a warning', (code, html) => {
      expect(
        lintContent(html)
          .found.filter((d) => d.code === code)
          .map((d) => d.severity),
      ).toEqual(['warning']);
    });
  });

  describe('when the content sits in an Atom entry', () => {
    it('finds markup in escaped html content', () => {
      const body = atomDoc({ entries: [atomEntry({ content: '<content type="html">&lt;p&gt;a&lt;/p&gt;\n&lt;script&gt;x()&lt;/script&gt;</content>' })] });
      const found = lintFeed({ path: '/atom.xml', body, format: 'atom', now: NOW }).filter((d) => d.code === 'unsafe-element');
      expect(found.map((d) => d.line)).toEqual([lineOfMarker(body, '&lt;script')]);
    });
    it('finds markup in xhtml content', () => {
      const body = atomDoc({
        entries: [atomEntry({ content: '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\n<a href="relatif.html">x</a></div></content>' })],
      });
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
