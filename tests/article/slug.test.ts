import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from '../../src/article/slug.ts';

describe('slugify', () => {
  describe('when the text is French', () => {
    it.each([
      // the seed title
      ['Maroc : le DG de la sécurité intérieure en France en visite de travail', 'maroc-le-dg-de-la-securite-interieure-en-france-en-visite-de-travail'],
      // accents and case
      ['Société', 'societe'],
      ['SOCIÉTÉ', 'societe'],
      ['Économie à Noël : ça gèle', 'economie-a-noel-ca-gele'],
      ['Où naît l’île ? Ça dépend', 'ou-nait-l-ile-ca-depend'],
      // ligatures and letters without a decomposition
      ['Le cœur de l’œuvre', 'le-coeur-de-l-oeuvre'],
      ['Œdipe et Cæsar', 'oedipe-et-caesar'],
      ['Straße in Łódź, Øresund, Đakovo', 'strasse-in-lodz-oresund-dakovo'],
      // apostrophes of every kind separate words
      ['l’OCP', 'l-ocp'],
      ["l'OCP", 'l-ocp'],
      ['lʼOCP', 'l-ocp'],
      ['‘aujourd’hui’', 'aujourd-hui'],
      // punctuation, typography and spaces
      ['« Le 14 juillet » — fête\u00a0nationale !', 'le-14-juillet-fete-nationale'],
      ['COVID-19 : 3,5 % de hausse', 'covid-19-3-5-de-hausse'],
      ['  --déjà--vu--  ', 'deja-vu'],
      ['1ᵉʳ décembre', '1er-decembre'],
      // nothing to keep
      ['🔥🔥', ''],
      ['?!… — «»', ''],
      ['Incendie 🔥 à Lyon', 'incendie-a-lyon'],
    ])('folds %j to %j', (text, expected) => {
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
