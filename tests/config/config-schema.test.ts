import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config-schema.ts';
import { casesOf } from '../helpers/cases.ts';

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
    it.each(casesOf('config/config-schema', 'wrong fields', 'string', 'json', 'string'))('reports %s = %j as one line', (field, value, expected) => {
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
    it.each(casesOf('config/config-schema', 'hub', 'json', 'strings'))('reads %j as the list %j', (hub, expected) => {
      expect(resolveConfig({ ...valid, hub }).config?.hub).toEqual(expected);
    });
  });

  describe('when rateLimit is given', () => {
    it.each(casesOf('config/config-schema', 'rateLimit', 'json', 'json'))('reads %j as %j', (rateLimit, expected) => {
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
