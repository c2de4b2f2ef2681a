import { describe, expect, it } from 'vitest';
import { cutText, deriveSummary, SUMMARY_LENGTH, toPlainText } from '../../src/article/derive-summary.ts';
import { casesOf } from '../helpers/cases.ts';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');

describe('deriveSummary', () => {
  describe('when the body opens with a kicker and a heading', () => {
    it('starts at the first paragraph', () => {
      expect(deriveSummary('<h2 class="kicker">BANDEAU</h2><h3>Intertitre</h3><p>Le texte.</p>')).toBe('Le texte.');
    });
  });

  describe('when the first paragraph is short', () => {
    it('joins the next ones', () => {
      expect(deriveSummary('<p>Un.</p><h3>Titre</h3><p>Deux.</p>')).toBe('Un. Deux.');
    });
  });

  describe('when the paragraphs are long', () => {
    const summary = deriveSummary(`<p>${words(100)}</p><p>suite</p>`);

    it('ends with an ellipsis', () => {
      expect(summary.endsWith('…')).toBe(true);
    });

    it('stays within the length', () => {
      expect([...summary].length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
    });

    it('cuts between words', () => {
      expect(words(100).startsWith(`${summary.slice(0, -1)} `)).toBe(true);
    });
  });

  describe('when the text has entities, markup and spaces', () => {
    it.each(casesOf('article/derive-summary', 'entities, markup and spaces', 'string', 'string'))('reads %j as %j', (html, expected) => {
      expect(deriveSummary(html)).toBe(expected);
    });
  });

  describe('when the body has no paragraph', () => {
    it('uses its text without headings', () => {
      expect(deriveSummary('<h2>Titre</h2><ul><li>un</li><li>deux</li></ul>')).toBe('un deux');
    });

    it('gives an empty summary for an empty body', () => {
      expect(deriveSummary('')).toBe('');
    });
  });
});

describe('toPlainText', () => {
  it.each(casesOf('article/derive-summary', 'toPlainText', 'string', 'string'))('turns %j into %j', (html, expected) => {
    expect(toPlainText(html)).toBe(expected);
  });
});

describe('cutText', () => {
  it.each(casesOf('article/derive-summary', 'cutText', 'string', 'number', 'string'))('cuts %j at %i as %j', (text, max, expected) => {
    expect(cutText(text, max)).toBe(expected);
  });
});
