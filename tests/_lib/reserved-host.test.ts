import { describe, expect, it } from 'vitest';
import { isReservedHost } from '../../src/_lib/reserved-host.ts';

describe('isReservedHost', () => {
  it.each([
    ['https://example.org', true],
    ['https://www.example.org/news', true],
    ['https://example.com', true],
    ['http://a.b.example.net', true],
    ['https://journal.example', true],
    ['https://site.test', true],
    ['https://x.invalid', true],
    ['http://localhost:3000', true],
    ['http://preview.localhost', true],
    ['http://127.0.0.1:3000', true],
    ['http://127.12.0.9', true],
    ['http://[::1]:8080', true],
    ['https://www.lecourrier.fr', false],
    ['https://example.org.fr', false],
    ['https://notexample.org', false],
    ['https://testing.fr', false],
    ['http://128.0.0.1', false],
    ['http://[::2]', false],
    ['not a url', false],
  ])('says %s is reserved: %s', (url, expected) => {
    expect(isReservedHost(url)).toBe(expected);
  });
});
