import { describe, expect, it } from 'vitest';
import { isHeadingCandidate, isKickerLine } from '../../src/records/classify-dispatch-lines.ts';
import { casesOf } from '../helpers/cases.ts';

describe('isKickerLine', () => {
  describe('when every letter is upper case', () => {
    it.each(casesOf('records/classify-dispatch-lines', 'upper case', 'string'))('is true for %j', (line) => {
      expect(isKickerLine(line)).toBe(true);
    });
  });

  describe('when a letter is lower case or there is no letter', () => {
    it.each(casesOf('records/classify-dispatch-lines', 'not upper case', 'string'))('is false for %j', (line) => {
      expect(isKickerLine(line)).toBe(false);
    });
  });
});

describe('isHeadingCandidate', () => {
  describe('when the line is short and open-ended', () => {
    it.each(casesOf('records/classify-dispatch-lines', 'short and open-ended', 'string'))('is true for %j', (line) => {
      expect(isHeadingCandidate(line)).toBe(true);
    });
  });

  describe('when the line ends a sentence, continues, or is long', () => {
    it.each([
      ['Une phrase courte.'],
      ['Et maintenant ?'],
      ['Incroyable !'],
      ['Et puis…'],
      ['Il a déclaré :'],
      ['Premier point ;'],
      ['Les syndicats,'],
      ['« Nous sommes prêts. »'],
      ['(etc.)'],
      ['une suite en minuscule'],
      ['x'.repeat(121).replace(/^x/, 'X')],
      [''],
    ])('is false for %j', (line) => {
      expect(isHeadingCandidate(line)).toBe(false);
    });
  });
});
