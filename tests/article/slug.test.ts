import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from '../../src/article/slug.ts';
import { casesOf } from '../helpers/cases.ts';

describe('slugify', () => {
  describe('when the text is French', () => {
    it.each(casesOf('article/slug', 'French text', 'string', 'string'))('folds %j to %j', (text, expected) => {
      expect(slugify(text)).toBe(expected);
    });
  });

  describe('when the text is long', () => {
    const long = 'Le gouvernement annonce une réforme des retraites et des allocations familiales pour les années à venir selon le ministre';

    it('keeps at most the maximum length', () => {
      expect(slugify(long).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    });

    it('cuts on a word boundary', () => {
      // Nine-letter words: eight make 79 characters, a ninth would pass 80.
      expect(slugify('Abcdéfghi '.repeat(12))).toBe(Array(8).fill('abcdefghi').join('-'));
    });

    it('keeps a slug of exactly the maximum length whole', () => {
      const exact = `${'a'.repeat(39)} ${'b'.repeat(40)}`;
      expect(slugify(exact)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`);
    });

    it.each([
      [
        'Budget 2025 : les collectivités locales s’inquiètent d’un effort de 5 milliards d’euros',
        'budget-2025-les-collectivites-locales-s-inquietent-d-un-effort-de-5-milliards',
      ],
      [`${'Mot '.repeat(18)}jusqu’aujourd’hui`, Array(18).fill('mot').join('-')],
    ])('does not end on an elided word cut from its noun: %s', (title, slug) => {
      expect(slugify(title)).toBe(slug);
    });

    it('cuts one over-long word hard', () => {
      expect(slugify('a'.repeat(120))).toBe('a'.repeat(MAX_SLUG_LENGTH));
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for a non-string', () => {
      expect(() => slugify(undefined as unknown as string)).toThrow(TypeError);
    });
  });
});
