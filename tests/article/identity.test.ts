import { describe, expect, it } from 'vitest';
import { tagUri } from '../../src/article/identity.ts';
import { makeConfig } from '../helpers/factories.ts';

describe('tagUri', () => {
  describe('when the id is plain', () => {
    it.each([
      ['https://example.org', '2024-01-01', '000_d101a6bb032ffd19', 'tag:example.org,2024-01-01:000_d101a6bb032ffd19'],
      ['https://example.org/news', '2024-01-01', '2024/maroc', 'tag:example.org,2024-01-01:2024/maroc'],
      ['https://WWW.Example.ORG:8443', '2019', 'a', 'tag:www.example.org,2019:a'],
      ['http://localhost:3000', '2024-06', 'x-y_z.~', 'tag:localhost,2024-06:x-y_z.~'],
      ['https://journal.fr', '2024-01-01', "l'été:2024@n°", "tag:journal.fr,2024-01-01:l'%C3%A9t%C3%A9:2024@n%C2%B0"],
    ])('builds the tag: URI of %s, %s and %j', (siteUrl, tagDate, id, expected) => {
      expect(tagUri(makeConfig({ siteUrl, tagDate }), id)).toBe(expected);
    });
  });

  describe('when the id holds characters RFC 4151 does not allow', () => {
    it.each([
      ['a b', 'a%20b'],
      ['100%', '100%25'],
      ['dossier#1', 'dossier%231'],
      ['<b>"x"</b>', '%3Cb%3E%22x%22%3C/b%3E'],
      ['société', 'soci%C3%A9t%C3%A9'],
    ])('percent-encodes %j as %j', (id, encoded) => {
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
