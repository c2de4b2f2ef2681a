import { describe, expect, it } from 'vitest';
import { isNotModified, type ConditionalRequest } from '../../src/http/conditional.ts';

const validators = { etag: '"abc123-gz"', lastModified: new Date('2024-11-22T10:15:30Z') };
const LAST_MODIFIED = 'Fri, 22 Nov 2024 10:15:30 GMT';

function request(headers: ConditionalRequest['headers'], method = 'GET'): ConditionalRequest {
  return { method, headers };
}

describe('isNotModified', () => {
  describe.each([
    // If-None-Match
    ['no conditional headers', {}, 'GET', false],
    ['If-None-Match is the exact ETag', { 'if-none-match': '"abc123-gz"' }, 'GET', true],
    ['If-None-Match is the weak form of the ETag', { 'if-none-match': 'W/"abc123-gz"' }, 'GET', true],
    ['If-None-Match lists the ETag', { 'if-none-match': '"x", "abc123-gz", "y"' }, 'GET', true],
    ['If-None-Match lists it without spaces', { 'if-none-match': '"x","abc123-gz"' }, 'GET', true],
    ['If-None-Match is *', { 'if-none-match': '*' }, 'GET', true],
    ['If-None-Match does not match', { 'if-none-match': '"abc123"' }, 'GET', false],
    ['If-None-Match holds another encoding’s ETag', { 'if-none-match': '"abc123-br"' }, 'GET', false],
    ['If-None-Match is a prefix of the ETag', { 'if-none-match': '"abc12"' }, 'GET', false],
    ['If-None-Match hides the ETag inside a quoted comma', { 'if-none-match': '"abc123-gz,x"' }, 'GET', false],
    // If-Modified-Since (second precision)
    ['If-Modified-Since is older', { 'if-modified-since': 'Fri, 22 Nov 2024 10:15:29 GMT' }, 'GET', false],
    ['If-Modified-Since is equal', { 'if-modified-since': LAST_MODIFIED }, 'GET', true],
    ['If-Modified-Since is newer', { 'if-modified-since': 'Sat, 23 Nov 2024 00:00:00 GMT' }, 'GET', true],
    ['If-Modified-Since uses the obsolete RFC 850 form', { 'if-modified-since': 'Friday, 22-Nov-24 10:15:30 GMT' }, 'GET', true],
    ['If-Modified-Since is not a date', { 'if-modified-since': 'hier' }, 'GET', false],
    ['If-Modified-Since is a bare number', { 'if-modified-since': '1732270530' }, 'GET', false],
    // both: If-None-Match decides (RFC 9110 §13.2.2)
    ['If-None-Match does not match but If-Modified-Since is fresh', { 'if-none-match': '"other"', 'if-modified-since': LAST_MODIFIED }, 'GET', false],
    [
      'If-None-Match matches and If-Modified-Since is older',
      { 'if-none-match': '"abc123-gz"', 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
      'GET',
      true,
    ],
    // methods and reloads
    ['the method is HEAD and the ETag matches', { 'if-none-match': '"abc123-gz"' }, 'HEAD', true],
    ['the method is HEAD and If-Modified-Since is equal', { 'if-modified-since': LAST_MODIFIED }, 'HEAD', true],
    ['the method is POST and the ETag matches', { 'if-none-match': '"abc123-gz"' }, 'POST', false],
    ['Cache-Control is no-cache', { 'if-none-match': '"abc123-gz"', 'cache-control': 'no-cache' }, 'GET', false],
    ['Cache-Control is max-age=0', { 'if-none-match': '"abc123-gz"', 'cache-control': 'max-age=0' }, 'GET', true],
  ] as const)('when %s', (_name, headers, method, expected) => {
    it(expected ? 'answers 304' : 'sends the full response', () => {
      expect(isNotModified(request(headers, method), validators)).toBe(expected);
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for missing validators', () => {
      expect(() => isNotModified(request({}), undefined as never)).toThrow(TypeError);
    });
  });
});
