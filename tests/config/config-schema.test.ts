import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config-schema.ts';

const valid = { title: 'Gazette', siteUrl: 'https://example.org' };

describe('resolveConfig', () => {
  describe('when only the required fields are given', () => {
    it('fills in the documented defaults', () => {
      const { config, problems } = resolveConfig(valid);
      expect(problems).toEqual([]);
      expect(config).toMatchObject({
        title: 'Gazette',
        description: 'Gazette',
        siteUrl: 'https://example.org',
        language: 'fr-FR',
        timeZone: 'Europe/Paris',
        author: { name: 'Gazette' },
        limit: 50,
        maxFeedBytes: 1_048_576,
        logo: undefined,
        tagDate: '2024-01-01',
        itemsDir: 'items',
        outDir: 'dist',
        cacheControl: 'public, max-age=300',
        hub: [],
        pages: true,
        publicDir: 'public',
        limits: { recordBytes: 2_000_000, bodyBytes: 1_000_000, categoriesPerRecord: 20, yamlAliases: 50, nestingDepth: 64 },
        rateLimit: undefined,
      });
    });
  });

  describe('when siteUrl has a path and a trailing slash', () => {
    it('keeps the path and drops the slash', () => {
      expect(resolveConfig({ ...valid, siteUrl: 'https://example.org/actu/' }).config?.siteUrl).toBe('https://example.org/actu');
    });
  });

  describe('when a field is wrong', () => {
    it.each([
      // field, value, the start of the one problem line
      ['siteUrl', 'example.com', 'siteUrl: expected an absolute URL, got "example.com" (did you mean "https://example.com"?)'],
      ['siteUrl', 'ftp://example.org', 'siteUrl: expected an http(s) URL'],
      ['siteUrl', 'https://exa mple.org', 'siteUrl: "https://exa mple.org" contains a space'],
      ['siteUrl', '//example.org', 'siteUrl: expected an absolute URL'],
      ['hub', 'java\nscript:alert(1)', 'hub: "java\\nscript:alert(1)" contains a control character (U+000A)'],
      ['author', { name: 'A', url: 'java\nscript:alert(1)' }, 'author.url: "java\\nscript:alert(1)" contains a control character'],
      ['author', { name: 'A', url: 'javascript:alert(1)' }, 'author.url: expected an http(s) URL'],
      ['title', '', 'title: expected a non-empty string'],
      ['language', 'français', 'language: expected a BCP 47 tag'],
      // What the feed linter refuses, the config refuses too: a tag or address it accepted would withhold every feed.
      ['language', 'fr-FRA', 'language: expected a BCP 47 tag'],
      ['language', 'fr-CA-x', 'language: expected a BCP 47 tag'],
      ['timeZone', 'Europe/Lutece', 'timeZone: expected an IANA time zone'],
      ['limit', 0, 'limit: expected a positive whole number, got 0'],
      ['limit', 2.5, 'limit: expected a positive whole number, got 2.5'],
      ['tagDate', '22/11/2024', 'tagDate: expected YYYY, YYYY-MM or YYYY-MM-DD'],
      ['hub', 'pubsubhubbub', 'hub: expected an absolute URL'],
      ['hub', ['https://hub.example.org/', 'ftp://hub.example.net/'], 'hub[1]: expected an http(s) URL'],
      ['hub', ['https://hub.example.org/?topic=x'], 'hub[0]: must not have a query or fragment'],
      ['hub', [42], 'hub[0]: expected a non-empty string, got 42'],
      ['rateLimit', 60, 'rateLimit: expected { fullResponsesPerHour: 60 }'],
      ['rateLimit', {}, 'rateLimit.fullResponsesPerHour: required'],
      ['rateLimit', { fullResponsesPerHour: 0 }, 'rateLimit.fullResponsesPerHour: expected a positive whole number, got 0'],
      ['rateLimit', { fullResponsesPerHour: 60, trustProxy: 'yes' }, 'rateLimit.trustProxy: expected true or false, got "yes"'],
      ['rateLimit', { fullResponsesPerHour: 60, perHour: 5 }, 'rateLimit.perHour: unknown field (known: fullResponsesPerHour, trustProxy)'],
      ['logo', '/logo.png', 'logo: expected an absolute URL'],
      ['logo', 'javascript:alert(1)', 'logo: expected an http(s) URL'],
      ['maxFeedBytes', 0, 'maxFeedBytes: expected a positive whole number, got 0'],
      ['maxFeedBytes', '1 MB', 'maxFeedBytes: expected a positive whole number, got "1 MB"'],
      ['author', { name: '' }, 'author.name: required'],
      ['author', { name: 'A', email: 'pas-une-adresse' }, 'author.email: expected an e-mail address'],
      ['author', { name: 'A', email: 'a,b@example.org' }, 'author.email: expected an e-mail address'],
      ['author', { name: 'A', email: 'redaction@localhost' }, 'author.email: expected an e-mail address'],
      ['author', { name: 'A', email: ' redaction@example.org' }, 'author.email: expected an e-mail address'],
      ['categories', { Société: { label: 'Société' } }, 'categories.Société: keys are slugs'],
      ['categories', { societe: { lable: 'Société' } }, 'categories.societe.lable: unknown field'],
      ['siteURL', 'https://example.org', 'siteURL: unknown field'],
      ['pages', 'non', 'pages: expected true or false, got "non"'],
      ['publicDir', '', 'publicDir: expected a non-empty string'],
      ['limits', 5, 'limits: expected an object'],
      ['limits', { recordBytes: 0 }, 'limits.recordBytes: expected a positive whole number, got 0'],
      ['limits', { bodyBytes: 1.5 }, 'limits.bodyBytes: expected a positive whole number, got 1.5'],
      ['limits', { categoriesPerRecord: '20' }, 'limits.categoriesPerRecord: expected a positive whole number, got "20"'],
      ['limits', { jsonDepth: 10 }, 'limits.jsonDepth: unknown field (known: recordBytes, bodyBytes, categoriesPerRecord, yamlAliases, nestingDepth)'],
    ])('reports %s = %j as one line', (field, value, expected) => {
      const { config, problems } = resolveConfig({ ...valid, [field]: value });
      expect(config).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(expected);
    });
  });

  describe('when a key is unknown', () => {
    it('names every key a config may have', () => {
      expect(resolveConfig({ ...valid, colour: 'rouge' }).problems).toEqual([
        'colour: unknown field (known: title, description, siteUrl, language, timeZone, author, copyright, limit, maxFeedBytes, ' +
          'categories, tagDate, hub, logo, itemsDir, outDir, cacheControl, pages, ledger, publicDir, limits, rateLimit, trustProxy, newsSitemap)',
      ]);
    });
  });

  describe('when hub is one URL or a list', () => {
    it.each([
      ['https://hub.example.org', ['https://hub.example.org/']],
      [
        ['https://hub.example.org/', 'https://websub.example.net/x'],
        ['https://hub.example.org/', 'https://websub.example.net/x'],
      ],
      [['https://hub.example.org/', 'https://hub.example.org/'], ['https://hub.example.org/']],
      [[], []],
    ])('reads %j as the list %j', (hub, expected) => {
      expect(resolveConfig({ ...valid, hub }).config?.hub).toEqual(expected);
    });
  });

  describe('when rateLimit is given', () => {
    it.each([
      [{ fullResponsesPerHour: 60 }, { fullResponsesPerHour: 60, trustProxy: false }],
      [
        { fullResponsesPerHour: 5, trustProxy: true },
        { fullResponsesPerHour: 5, trustProxy: true },
      ],
    ])('reads %j as %j', (rateLimit, expected) => {
      expect(resolveConfig({ ...valid, rateLimit }).config?.rateLimit).toEqual(expected);
    });
  });

  describe('when some limits are given', () => {
    it('keeps the default of every other limit', () => {
      const { config } = resolveConfig({ ...valid, limits: { categoriesPerRecord: 5 }, pages: false, publicDir: 'static' });
      expect([config?.limits, config?.pages, config?.publicDir]).toEqual([
        { recordBytes: 2_000_000, bodyBytes: 1_000_000, categoriesPerRecord: 5, yamlAliases: 50, nestingDepth: 64 },
        false,
        'static',
      ]);
    });
  });

  describe('when several fields are wrong', () => {
    it('reports every one, not only the first', () => {
      const { problems } = resolveConfig({ title: 42, siteUrl: 'example.org', limit: -1 });
      expect(problems.map((p) => p.split(':')[0])).toEqual(['title', 'siteUrl', 'limit']);
    });
  });

  describe('when the export is not an object', () => {
    it('says what to write', () => {
      expect(resolveConfig(undefined).problems[0]).toContain('export default defineConfig');
    });
  });
});
