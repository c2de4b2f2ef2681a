import { describe, expect, it } from 'vitest';
import { tagUri } from '../../src/article/identity.ts';
import { makeConfig } from '../helpers/factories.ts';
import { casesOf } from '../helpers/cases.ts';

describe('tagUri', () => {
  describe('when the id is plain', () => {
    const plainIds = casesOf('article/identity', 'plain ids', 'string', 'string', 'string', 'string');
    it.each(plainIds)('builds the tag: URI of %s, %s and %j', (siteUrl, tagDate, id, expected) => {
      expect(tagUri(makeConfig({ siteUrl, tagDate }), id)).toBe(expected);
    });
  });

  describe('when the id holds characters RFC 4151 does not allow', () => {
    it.each(casesOf('article/identity', 'characters RFC 4151 refuses', 'string', 'string'))('percent-encodes %j as %j', (id, encoded) => {
      expect(tagUri(makeConfig(), id)).toBe(`tag:example.org,2024-01-01:${encoded}`);
    });
  });

  describe('when the host is internationalised', () => {
    it('uses its ASCII (punycode) form', () => {
      expect(tagUri(makeConfig({ siteUrl: 'https://lémonde.fr' }), 'a')).toBe('tag:xn--lmonde-bva.fr,2024-01-01:a');
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for an empty id', () => {
      expect(() => tagUri(makeConfig(), '')).toThrow(TypeError);
    });
  });
});
