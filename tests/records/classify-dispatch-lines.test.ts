import { describe, expect, it } from 'vitest';
import { isHeadingCandidate, isKickerLine } from '../../src/records/classify-dispatch-lines.ts';

describe('isKickerLine', () => {
  describe('when every letter is upper case', () => {
    it.each([['RENFORCEMENT DE LA COOPÉRATION SÉCURITAIRE'], ['COVID-19 : LES CHIFFRES'], ['ÉTATS-UNIS : L’ÉLECTION'], ['« ŒUVRES » À LA UNE'], ['AFP']])(
      'is true for %j',
      (line) => {
        expect(isKickerLine(line)).toBe(true);
      },
    );
  });

  describe('when a letter is lower case or there is no letter', () => {
    it.each([['COVID-19 : les chiffres'], ['Rencontres de travail'], ['2024'], ['— * —'], ['']])('is false for %j', (line) => {
      expect(isKickerLine(line)).toBe(false);
    });
  });
});

describe('isHeadingCandidate', () => {
  describe('when the line is short and open-ended', () => {
    it.each([
      ['Rencontres de travail à Rabat'],
      ['Évaluation de la coopération'],
      ['Bilan 2024'],
      ['« Nous ne lâcherons rien »'],
      ['L’OCP en tête'],
      ['2025, année charnière'],
    ])('is true for %j', (line) => {
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
