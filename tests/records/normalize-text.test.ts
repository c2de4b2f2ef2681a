import { describe, expect, it } from 'vitest';
import { createLineLocator, normalizeText, splitLines } from '../../src/records/normalize-text.ts';

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

describe('createLineLocator', () => {
  const locate = createLineLocator('ab\ncd\n\nef');

  it.each([
    [0, { line: 1, column: 1 }],
    [2, { line: 1, column: 3 }],
    [3, { line: 2, column: 1 }],
    [6, { line: 3, column: 1 }],
    [8, { line: 4, column: 2 }],
  ])('maps offset %i', (offset, expected) => {
    expect(locate(offset)).toEqual(expected);
  });
});
