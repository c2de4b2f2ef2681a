import { describe, expect, it } from 'vitest';
import { splitCategoryLine } from '../../src/records/split-categories.ts';
import { casesOf } from '../helpers/cases.ts';

const VOCABULARY = ['International', 'National', 'Société', 'Économie', 'Faits divers', 'Sport'];

describe('splitCategoryLine', () => {
  describe('when the names are separated', () => {
    it.each(casesOf('records/split-categories', 'separated', 'string', 'string'))('splits on a %s', (_name, line) => {
      expect(splitCategoryLine(line, [])).toEqual(['International', 'National', 'Société']);
    });

    const innerSpacesAndHyphens = casesOf('records/split-categories', 'inner spaces and hyphens', 'string', 'strings');

    it.each(innerSpacesAndHyphens)('keeps names with inner spaces and hyphens whole in %j', (line, expected) => {
      expect(splitCategoryLine(line, VOCABULARY)).toEqual(expected);
    });

    it.each(casesOf('records/split-categories', 'leading labels', 'string'))('drops a leading label such as %j', (line) => {
      expect(splitCategoryLine(line, VOCABULARY)).toEqual(['International', 'National', 'Société']);
    });

    it('splits a piece made only of known labels run together', () => {
      expect(splitCategoryLine('InternationalNational, Faits divers', VOCABULARY)).toEqual(['International', 'National', 'Faits divers']);
    });

    it('keeps a piece that is not entirely made of known labels', () => {
      expect(splitCategoryLine('SportAuto, Société', VOCABULARY)).toEqual(['SportAuto', 'Société']);
    });
  });

  describe('when the names are run together', () => {
    it.each([
      // [line, vocabulary, expected]
      ['InternationalNationalSociété', [], ['International', 'National', 'Société']],
      ['InternationalNationalSociété', VOCABULARY, ['International', 'National', 'Société']],
      ['ÉconomieSociété', [], ['Économie', 'Société']],
      ['SociétéÉconomie', [], ['Société', 'Économie']],
      ['ONUSociété', [], ['ONU', 'Société']],
      ['Île-de-FranceSport', [], ['Île-de-France', 'Sport']],
      ['Outre-merÉtats-Unis', [], ['Outre-mer', 'États-Unis']],
    ] as const)('splits %j at case boundaries (vocabulary %j)', (line, vocabulary, expected) => {
      expect(splitCategoryLine(line, vocabulary)).toEqual(expected);
    });

    it.each(casesOf('records/split-categories', 'run together', 'string', 'strings'))('uses the vocabulary to split %j', (line, expected) => {
      expect(splitCategoryLine(line, VOCABULARY)).toEqual(expected);
    });

    it('prefers the longest label at a position', () => {
      expect(splitCategoryLine('InternationalNational', ['Inter', 'International', 'National'])).toEqual(['International', 'National']);
    });

    it('does not match a label inside a longer word', () => {
      expect(splitCategoryLine('TransportSociété', VOCABULARY)).toEqual(['Transport', 'Société']);
    });
  });

  describe('when the line holds one name', () => {
    it.each(casesOf('records/split-categories', 'one name', 'string'))('keeps %j as one name', (line) => {
      expect(splitCategoryLine(line, VOCABULARY)).toEqual([line]);
    });
  });

  describe('when the text needs cleaning', () => {
    it('normalises decomposed accents to NFC', () => {
      expect(splitCategoryLine('Socie\u0301te\u0301', [])).toEqual(['Société']);
    });

    it('splits decomposed run-together names', () => {
      expect(splitCategoryLine('NationalSocie\u0301te\u0301', [])).toEqual(['National', 'Société']);
    });

    it('trims surrounding whitespace', () => {
      expect(splitCategoryLine('  \u00a0Société \t', [])).toEqual(['Société']);
    });

    it.each(casesOf('records/split-categories', 'needs cleaning', 'string'))('gives no name for %j', (line) => {
      expect(splitCategoryLine(line, VOCABULARY)).toEqual([]);
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for a non-string line', () => {
      expect(() => splitCategoryLine(undefined as unknown as string, [])).toThrow(TypeError);
    });
  });
});
