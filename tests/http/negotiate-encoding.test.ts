import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../src/http/negotiate-encoding.ts';

describe('negotiateEncoding', () => {
  it.each([
    // no preference, or nothing we have
    [undefined, 'identity'],
    ['', 'identity'],
    ['deflate', 'identity'],
    ['compress, deflate;q=0.5', 'identity'],
    // plain lists: br preferred over gzip at equal q
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    [' gzip ;  q=1 , br ; q=1 ', 'br'],
    // q-values decide
    ['gzip;q=1, br;q=0.9', 'gzip'],
    ['br;q=0.1, gzip;q=0.2', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['gzip;q=0.5, identity;q=1', 'identity'],
    ['gzip;q=1, identity;q=1', 'gzip'],
    // the wildcard
    ['*', 'br'],
    ['*;q=0.5, gzip', 'gzip'],
    ['*;q=0, identity', 'identity'],
    ['gzip;q=0, *', 'br'],
    // identity refused
    ['identity;q=0', undefined],
    ['*;q=0', undefined],
    ['identity;q=0, gzip;q=0.3', 'gzip'],
    // malformed members are skipped, not trusted
    ['br;q=2, gzip', 'gzip'],
    ['br;q=abc, gzip', 'gzip'],
    ['br;q=0.1234, gzip', 'gzip'],
    ['<script>, gzip', 'gzip'],
    [['gzip', 'br;q=0.5'], 'gzip'],
  ] as const)('picks %j → %s', (header, expected) => {
    expect(negotiateEncoding(header as string | string[] | undefined)).toBe(expected);
  });

  describe('when the header is not a string', () => {
    it('throws a TypeError', () => {
      expect(() => negotiateEncoding(42 as unknown as string)).toThrow(TypeError);
    });
  });
});
