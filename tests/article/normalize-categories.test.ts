import { describe, expect, it } from 'vitest';
import { normalizeCategories } from '../../src/article/normalize-categories.ts';
import { makeConfig } from '../helpers/factories.ts';

const noLabels = makeConfig({ categories: {} });

describe('normalizeCategories', () => {
  describe('when names fold to one slug', () => {
    it.each([
      [['Société', 'societe', 'SOCIÉTÉ'], [{ slug: 'societe', name: 'Société' }]],
      [['societe', 'Société'], [{ slug: 'societe', name: 'societe' }]],
      [['Faits divers', 'faits-divers', 'FAITS  DIVERS'], [{ slug: 'faits-divers', name: 'Faits divers' }]],
      [['Cœur', 'coeur'], [{ slug: 'coeur', name: 'Cœur' }]],
    ])('merges %j into one, first spelling first', (names, expected) => {
      expect(normalizeCategories(names, noLabels).categories).toEqual(expected);
    });
  });

  describe('when the config labels the slug', () => {
    it('uses the label whatever the record wrote', () => {
      expect(normalizeCategories(['SOCIETE'], makeConfig()).categories).toEqual([{ slug: 'societe', name: 'Société' }]);
    });
  });

  describe('when names need tidying', () => {
    it.each([
      ['  Moyen-Orient  ', 'Moyen-Orient'],
      ['Faits \t divers', 'Faits divers'],
      ['Politique\u00a0intérieure', 'Politique intérieure'],
      ['Soci\u0065\u0301t\u0065\u0301', 'Société'],
      ['Éco\u0001nomie', 'Économie'],
    ])('names %j %j', (raw, expected) => {
      expect(normalizeCategories([raw], noLabels).categories[0]?.name).toBe(expected);
    });
  });

  describe('when names are empty or have no letters', () => {
    it('drops empty names silently', () => {
      expect(normalizeCategories(['', '  ', 'Culture'], noLabels)).toEqual({ categories: [{ slug: 'culture', name: 'Culture' }], dropped: [] });
    });

    it('reports names that fold to nothing', () => {
      expect(normalizeCategories(['🔥', 'Culture'], noLabels).dropped).toEqual(['🔥']);
    });
  });

  describe('when there are several categories', () => {
    it('keeps record order', () => {
      const { categories } = normalizeCategories(['Sport', 'Culture', 'Afrique', 'culture'], noLabels);
      expect(categories.map((c) => c.slug)).toEqual(['sport', 'culture', 'afrique']);
    });
  });
});
