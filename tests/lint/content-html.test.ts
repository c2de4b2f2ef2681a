import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, atomEntry, jsonDoc, jsonItem, lineOfMarker, NOW, rssDoc, rssItem } from './feed-docs.ts';
import { casesOf } from '../helpers/cases.ts';

const lintContent = (html: string) => {
  const body = rssDoc({ items: [rssItem({ content: `<content:encoded><![CDATA[<p>Début</p>\n${html}]]></content:encoded>` })] });
  return { body, found: lintFeed({ path: '/feed.xml', body, format: 'rss', now: NOW }) };
};

describe('HTML content', () => {
  describe('when it is safe and every URL is absolute', () => {
    it.each(casesOf('lint/content-html', 'safe', 'string'))('reports nothing for %s', (html) => {
      expect(lintContent(html).found).toEqual([]);
    });
  });

  describe('when it is unsafe or relative', () => {
    it.each(casesOf('lint/content-html', 'unsafe or relative', 'string', 'string'))('reports %s for %s on its line', (code, html) => {
      const { body, found } = lintContent(html);
      expect(found.filter((d) => d.code === code).map((d) => [d.line, d.field])).toEqual([[lineOfMarker(body, html), 'content:encoded']]);
    });
  });

  describe('when the validator reports the markup as a warning', () => {
    it.each(casesOf('lint/content-html', 'warnings', 'string', 'string'))('reports %s as a warning', (code, html) => {
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
