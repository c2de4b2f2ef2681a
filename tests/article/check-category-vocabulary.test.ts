import { describe, expect, it } from 'vitest';
import { checkCategoryVocabulary } from '../../src/article/check-category-vocabulary.ts';
import { normalizeCategories } from '../../src/article/normalize-categories.ts';

const VOCABULARY = { sport: { label: 'Sport' }, societe: { label: 'Société' }, culture: {}, 'faits-divers': { label: 'Faits divers' } };

/** The closest name each message gives, for categories written as `names`. */
function closestOf(names: readonly string[], vocabulary: Parameters<typeof checkCategoryVocabulary>[1] = VOCABULARY): string[] {
  const { categories } = normalizeCategories(names, { categories: vocabulary });
  return checkCategoryVocabulary(categories, vocabulary).map((m) => /closest: "([^"]*)"/.exec(m)?.[1] ?? m);
}

describe('checkCategoryVocabulary', () => {
  describe('when the category is in the vocabulary, however spelt', () => {
    it.each([['Sport'], ['SPORT'], ['Societe'], ['société'], ['Faits  divers'], ['culture']])('says nothing of %j', (name) => {
      expect(closestOf([name])).toEqual([]);
    });
  });

  describe('when it is not', () => {
    it.each([
      ['Sprot', 'Sport'],
      ['Spor', 'Sport'],
      ['Sports', 'Sport'],
      ['Cultures', 'culture'],
      ['Fait divers', 'Faits divers'],
      ['Sociétal', 'Société'],
    ])('names the closest of %j: %j', (name, closest) => {
      expect(closestOf([name])).toEqual([closest]);
    });
  });

  it('says nothing when no vocabulary is configured', () => {
    expect(closestOf(['Sprot', 'Politique'], {})).toEqual([]);
  });
});
