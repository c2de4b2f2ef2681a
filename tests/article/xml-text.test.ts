import { describe, expect, it } from 'vitest';
import { cleanXmlText } from '../../src/article/xml-text.ts';

describe('cleanXmlText', () => {
  describe('when the text holds characters XML 1.0 forbids', () => {
    it.each([
      ['every C0 control but tab, line feed and carriage return', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg', 'abcdefg'],
      ['U+FFFF', 'a\uFFFFb', 'ab'],
      ['a C0 control', 'a\u0001b', 'ab'],
      ['a vertical tab', 'a\u000Bb', 'ab'],
      ['a lone surrogate', 'a\uD800b', 'ab'],
      ['U+FFFE', 'a\uFFFEb', 'ab'],
    ])('removes %s', (_label, input, expected) => {
      expect(cleanXmlText(input)).toBe(expected);
    });
  });

  // XML 1.0 §2.2 discourages them, and html5lib (the W3C validator's HTML parser) calls them invalid code points.
  describe('when the text holds characters XML 1.0 discourages', () => {
    it.each([
      ['DEL', 'a\u007Fb', 'ab'],
      ['U+FDD0', 'a\uFDD0b', 'ab'],
      ['U+1FFFF', 'a\u{1FFFF}b', 'ab'],
      ['U+10FFFE', 'a\u{10FFFE}b', 'ab'],
    ])('removes %s', (_label, input, expected) => {
      expect(cleanXmlText(input)).toBe(expected);
    });
  });

  describe('when the text is ordinary French', () => {
    it.each([
      'L’été « chaud » à\u00a0Paris — 40\u202f°C 🌞',
      'Tabulation\tet\nretour\r',
      'U+FFFD � reste : le linter le signale',
      'C1 \u0092 reste : le linter le signale',
    ])('keeps %s', (input) => {
      expect(cleanXmlText(input)).toBe(input);
    });
  });

  describe('when it is misused', () => {
    it('throws a TypeError', () => {
      expect(() => cleanXmlText(undefined as never)).toThrow(TypeError);
    });
  });
});
