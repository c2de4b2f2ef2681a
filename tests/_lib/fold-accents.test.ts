import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../src/_lib/fold-accents.ts';

describe('foldAccents', () => {
  describe('by default (canonical decomposition)', () => {
    it.each([
      ['Société', 'Societe'],
      ['Île-de-France', 'Ile-de-France'],
      ['Socie\u0301te\u0301', 'Societe'], // already decomposed
      ['ÇA', 'CA'], // case is kept
      ['œuvre, Straße, Øre', 'œuvre, Straße, Øre'], // no decomposition: kept
      ['1ᵉʳ ﬁn a\u00a0b', '1ᵉʳ ﬁn a\u00a0b'], // compatibility forms kept
    ])('folds %j to %j', (input, expected) => {
      expect(foldAccents(input)).toBe(expected);
    });
  });

  describe('with compatibility: true', () => {
    it.each([
      ['Décembre', 'Decembre'],
      ['1ᵉʳ', '1er'],
      ['ﬁn', 'fin'],
      ['a\u00a0b', 'a b'],
      ['œuvre', 'œuvre'],
    ])('folds %j to %j', (input, expected) => {
      expect(foldAccents(input, { compatibility: true })).toBe(expected);
    });
  });

  describe('when text is not a string', () => {
    it('throws a TypeError', () => {
      expect(() => foldAccents(undefined as unknown as string)).toThrow(TypeError);
    });
  });
});
