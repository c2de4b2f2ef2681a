import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderRedirectPage } from '../../src/render/redirect-page.ts';
import { casesOf } from '../helpers/cases.ts';

/** What a browser and a crawler read from the page. */
function readPage(html: string) {
  const doc = parseDocument(html);
  const all = (test: (e: Element) => boolean) => findAll(test, doc.children);
  const meta = (attr: string, value: string) =>
    all((e) => e.name === 'meta' && getAttributeValue(e, attr) === value).map((e) => getAttributeValue(e, 'content'));
  return {
    lang: all((e) => e.name === 'html').map((e) => getAttributeValue(e, 'lang')),
    refresh: meta('http-equiv', 'refresh'),
    robots: meta('name', 'robots'),
    canonical: all((e) => e.name === 'link' && getAttributeValue(e, 'rel') === 'canonical').map((e) => getAttributeValue(e, 'href')),
    links: all((e) => e.name === 'a').map((e) => getAttributeValue(e, 'href')),
    title: all((e) => e.name === 'title').map((e) => textContent(e)),
    text: all((e) => e.name === 'body').map((e) => textContent(e).trim()),
    scripts: all((e) => e.name === 'script' || Object.keys(e.attribs).some((a) => a.startsWith('on'))).length,
    elements: all(() => true).map((e) => e.name),
  };
}

describe('renderRedirectPage', () => {
  describe('when the target is an absolute URL', () => {
    const page = readPage(renderRedirectPage('https://example.org/articles/nouveau-titre/', 'Nouveau titre'));

    it.each([
      ['refreshes at once to the target', 'refresh', ['0; url=https://example.org/articles/nouveau-titre/']],
      ['names the target canonical', 'canonical', ['https://example.org/articles/nouveau-titre/']],
      ['links to it', 'links', ['https://example.org/articles/nouveau-titre/']],
      ['keeps itself out of search indexes', 'robots', ['noindex']],
      ['is in French', 'lang', ['fr']],
      ['titles itself with the article', 'title', ['Nouveau titre — page déplacée']],
      ['says so in French', 'text', ['Cet article a changé d’adresse : Nouveau titre.']],
    ] as const)('%s', (_, field, expected) => {
      expect(page[field]).toEqual(expected);
    });
  });

  describe('when the target is a path and there is no title', () => {
    const page = readPage(renderRedirectPage('/actu/articles/été/'));

    it('encodes the path and shows it as the link text', () => {
      expect(page.links).toEqual(['/actu/articles/%C3%A9t%C3%A9/']);
      expect(page.refresh).toEqual(['0; url=/actu/articles/%C3%A9t%C3%A9/']);
      expect(page.title).toEqual(['Page déplacée']);
      expect(page.text).toEqual(['Cet article a changé d’adresse : /actu/articles/%C3%A9t%C3%A9/.']);
    });
  });

  describe('when the target or title is hostile', () => {
    const hostile = casesOf('render/redirect-page', 'hostile', 'string', 'string', 'string');
    it.each(hostile)('%s cannot add an element, a handler or another target', (_, target, title) => {
      const page = readPage(renderRedirectPage(target, title));
      expect(page.scripts).toBe(0);
      expect(page.elements).toEqual(['html', 'head', 'meta', 'meta', 'meta', 'meta', 'link', 'title', 'body', 'p', 'a']);
      expect(page.refresh).toHaveLength(1);
      expect(page.refresh[0]).toMatch(/^0; url=[^;,'"<> ]+$/);
      expect(page.links).toEqual(page.canonical);
    });

    it.each(casesOf('render/redirect-page', 'refused targets', 'string'))('refuses %j with a TypeError naming target', (target) => {
      expect(() => renderRedirectPage(target)).toThrow(/^target: /);
    });
  });
});
