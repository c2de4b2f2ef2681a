import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanXmlText } from '../../src/article/xml-text.ts';
import { checkProperty } from '../helpers/property.ts';
import { casesOf } from '../helpers/cases.ts';

describe('cleanXmlText', () => {
  describe('when the text holds characters XML 1.0 forbids', () => {
    it.each(casesOf('article/xml-text', 'forbidden', 'string', 'string', 'string'))('removes %s', (_label, input, expected) => {
      expect(cleanXmlText(input)).toBe(expected);
    });
  });

  // XML 1.0 §2.2 discourages them, and html5lib (the W3C validator's HTML parser) calls them invalid code points.
  describe('when the text holds characters XML 1.0 discourages', () => {
    it.each(casesOf('article/xml-text', 'discouraged', 'string', 'string', 'string'))('removes %s', (_label, input, expected) => {
      expect(cleanXmlText(input)).toBe(expected);
    });
  });

  describe('when the text is ordinary French', () => {
    it.each(casesOf('article/xml-text', 'ordinary French', 'string'))('keeps %s', (input) => {
      expect(cleanXmlText(input)).toBe(input);
    });
  });

  // The quick scan that lets most text through untouched must let through nothing the full patterns would remove.
  describe('when the text is any string', () => {
    // The two patterns as they were before the quick scan (XML 1.0 §2.2: forbidden, then discouraged).
    const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
    const discouraged =
      /[\u007F\uFDD0-\uFDEF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;
    const reference = (text: string) => text.replace(forbidden, '').replace(discouraged, '');
    const unit = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\u0000', '\u007F', '\uD800', '\uDFFF', '\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}', '\u{10FFFD}', 'é'),
    );
    it('returns what the two XML 1.0 character rules leave of it', () => {
      checkProperty(
        fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
          const text = parts.join('');
          expect(cleanXmlText(text)).toBe(reference(text));
        }),
        2000,
      );
    });
  });

  describe('when it is misused', () => {
    it('throws a TypeError', () => {
      expect(() => cleanXmlText(undefined as never)).toThrow(TypeError);
    });
  });
});
