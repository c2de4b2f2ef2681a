import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { casesOf } from '../helpers/cases.ts';
import { rssDocOf } from './doc-specs.ts';
import { NOW, rssDoc, rssItem } from './feed-docs.ts';
import { describeClassedRules, describeRules, describeValid, describeWarnings, itWarnsOnly, ruleTablesOf } from './lint-rule-table.ts';

const tables = ruleTablesOf('lint/lint-rss', rssDocOf);
const lint = (body: string) => lintFeed({ path: '/feed.xml', body, format: 'rss', now: NOW });

describe('lintFeed (RSS 2.0)', () => {
  describeValid(lint, rssDoc({ items: [rssItem({}, 0), rssItem({}, 1), rssItem({}, 2)] }));

  describeRules(lint, tables.rules);

  describeWarnings(lint, tables.warnings);

  describe('when an item names its authors the way Gazette does', () => {
    it('raises nothing for several dc:creator and no <author>', () => {
      const item = rssItem({ extra: '<dc:creator>Paul Girard</dc:creator>' });
      expect(lint(rssDoc({ items: [item] }))).toEqual([]);
    });
  });

  describe('when a finding is reported', () => {
    it('names the feed path and the element', () => {
      const [finding] = lint(rssDoc({ items: [rssItem({ link: '<link>/articles/maroc/</link>' })] }));
      expect(finding).toMatchObject({ severity: 'error', file: '/feed.xml', field: 'link', code: 'url-invalid', w3c: 'InvalidFullLink' });
    });
  });
});

/** The RSS 2.0 root with the older modules the validator checks (Creative Commons, blogChannel, Geo, Trackback, admin). */
const MODULES_ROOT =
  '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://backend.userland.com/creativeCommonsRssModule" xmlns:blogChannel="http://backend.userland.com/blogChannelModule" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/" xmlns:admin="http://webns.net/mvcb/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">';
/** The document of a `modules` row: `head` and `item` hold the module elements of the channel and of its item. */
const withModules = (spec: unknown) => {
  const { head = '', item = '', ...rest } = spec as Record<string, unknown>;
  if (typeof head !== 'string' || typeof item !== 'string' || Object.keys(rest).length > 0) {
    throw new Error(`modules: expected { head?, item? } as strings, got ${JSON.stringify(spec)}`);
  }
  return rssDoc({ root: MODULES_ROOT, head: { extra: head }, items: [rssItem({ extra: item })] });
};

/** Module values and attributes, as the validator checks them (extension.py, base.py). */
tables.classed.push(
  ...casesOf('lint/lint-rss', 'modules', 'string', 'string', 'json', 'json', 'string').map(
    ([code, w3c, good, bad, marker]): [string, string, string, string, string] => [code, w3c, withModules(good), withModules(bad), marker],
  ),
);

describe('lintFeed (RSS 2.0), rules with their W3C class', () => {
  describeClassedRules(lint, tables.classed);

  itWarnsOnly(lint, tables.warningsOnly, 'reports %s as a warning only, as the validator does');

  it('reads a self link without a type as a warning, one with another type as an error', () => {
    const untyped = lint(rssDoc({ head: { self: '<atom:link href="https://example.org/feed.xml" rel="self"/>' } }));
    expect(untyped.filter((d) => d.code === 'self-link-type').map((d) => d.severity)).toEqual(['warning']);
    const atomTyped = lint(rssDoc({ head: { self: '<atom:link href="https://example.org/feed.xml" rel="self" type="application/atom+xml"/>' } }));
    expect(atomTyped.filter((d) => d.code === 'self-link-type').map((d) => d.severity)).toEqual(['error']);
  });

  it.each([
    ['0.91', 'plain text: markup is shown, not run', [], ['plain-text']],
    ['0.92', 'HTML', ['unsafe-element'], []],
  ])('reads an RSS %s item description as %s', (version, _label, errors, warnings) => {
    const body = rssDoc({
      root: `<rss version="${version}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">`,
      head: { self: '<!-- -->' },
      items: [rssItem({ guid: '<!-- -->', description: '<description>&lt;script&gt;x()&lt;/script&gt;</description>' })],
    });
    const found = lintFeed({ path: '/f.xml', body, format: 'rss-0.9x', now: NOW });
    expect(found.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(errors);
    expect(found.filter((d) => d.code === 'plain-text').map((d) => d.code)).toEqual(warnings);
  });

  it('reads RSS 0.91 with the RSS 2.0 rules, without asking for RSS 2.0 additions', () => {
    const body = rssDoc({
      root: '<rss version="0.91" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
      head: { self: '<!-- -->' },
      items: [rssItem({ guid: '<!-- -->' })],
    });
    expect(lintFeed({ path: '/f.xml', body, format: 'rss-0.9x', now: NOW })).toEqual([]);
  });
});

describe('lintFeed (RSS 2.0), faults named with the class the W3C validator gives them', () => {
  it.each(
    casesOf('lint/lint-rss', 'faults', 'string', 'json', 'strings').map(([label, body, expected]): [string, string, string[]] => [
      label,
      rssDocOf(body),
      expected,
    ]),
  )('reports %s with that class only', (_label, body, expected) => {
    const found = lint(body).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual(expected);
  });
});
