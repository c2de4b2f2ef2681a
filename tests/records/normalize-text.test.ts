import { describe, expect, it } from 'vitest';
import { normalizeText, splitLines } from '../../src/records/normalize-text.ts';
import { casesOf } from '../helpers/cases.ts';

describe('normalizeText', () => {
  it.each(casesOf('records/normalize-text', 'normalizeText', 'string', 'string', 'string'))('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('splitLines', () => {
  it('strips trailing whitespace but keeps inner NBSP', () => {
    expect(splitLines('a\u00a0b  \t\nc ')).toEqual(['a\u00a0b', 'c']);
  });
});
