import { describe, expect, it } from 'vitest';
import { normalizeText, splitLines } from '../../src/records/normalize-text.ts';

describe('normalizeText', () => {
  it.each([
    ['strips a BOM', '\ufeffa', 'a'],
    ['turns CRLF into LF', 'a\r\nb\r\n', 'a\nb\n'],
    ['turns lone CR into LF', 'a\rb\r', 'a\nb\n'],
    ['keeps a blank CRLF line', 'a\r\n\r\nb', 'a\n\nb'],
    ['composes accents', 'Socie\u0301te\u0301', 'Société'],
    ['keeps NBSP and U+202F', 'a\u00a0:\u202f»', 'a\u00a0:\u202f»'],
    ['keeps a BOM that is not first', 'a\ufeff', 'a\ufeff'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('splitLines', () => {
  it('strips trailing whitespace but keeps inner NBSP', () => {
    expect(splitLines('a\u00a0b  \t\nc ')).toEqual(['a\u00a0b', 'c']);
  });
});
