// Properties of slugify and cleanXmlText over generated text: what every output must be, whatever the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from '../../src/article/slug.ts';
import { cleanXmlText } from '../../src/article/xml-text.ts';
import { checkProperty } from '../helpers/property.ts';

/** Any UTF-16 code unit, so lone surrogates, U+FFFE/U+FFFF and controls come up as often as letters. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Words French titles are made of, with the letters slugify must fold and the marks it must drop. */
const word = fc.constantFrom(
  'Société',
  'ÉCONOMIE',
  'l’île',
  "aujourd'hui",
  'cœur',
  'Œdipe',
  'Straße',
  'Łódź',
  'jusqu’',
  'd’',
  'ﬁnance',
  '1ᵉʳ',
  'e\u0301te\u0301',
  'İstanbul',
  '🔥',
  '東京',
  '—',
  '«',
  '»',
  '3,5 %',
  'COVID-19',
  '-',
  '--',
  'a'.repeat(85),
  'x',
);
const separator = fc.constantFrom(' ', '  ', '-', ' - ', '\u00a0', '\t', '\n', '’', '_', '/', '');
/** A title-like text: words and separators, sometimes far past the slug length. */
const titleLike = fc.array(fc.tuple(word, separator), { maxLength: 30 }).map((parts) => parts.flat().join(''));
const anyText = fc.oneof(
  titleLike,
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: codeUnit, maxLength: 120 }),
);

describe('slugify, for any text', () => {
  it('gives lower-case ASCII letters and digits in words joined by single hyphens, at most MAX_SLUG_LENGTH long', () => {
    checkProperty(
      fc.property(anyText, (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      }),
      1000,
    );
  });

  it('is idempotent', () => {
    checkIdempotent(slugify, anyText);
  });

  it('gives a non-empty slug whenever the text holds an ASCII letter or digit', () => {
    checkProperty(
      fc.property(anyText, fc.constantFrom('a', 'Z', '7'), fc.nat(), (text, alnum, at) => {
        const i = at % (text.length + 1);
        expect(slugify(`${text.slice(0, i)} ${alnum} ${text.slice(i)}`)).not.toBe('');
      }),
      500,
    );
  });

  it('keeps any slug of at most MAX_SLUG_LENGTH characters as it is', () => {
    const slug = fc
      .array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 12 })
      .map((words) => words.join('-'))
      .filter((s) => s.length <= MAX_SLUG_LENGTH);
    checkProperty(
      fc.property(slug, (s) => {
        expect(slugify(s)).toBe(s);
      }),
      500,
    );
  });
});

describe('cleanXmlText, for any text', () => {
  const hostile = fc.oneof(
    fc.string({ unit: codeUnit, maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .array(
        fc.constantFrom(
          '\uD800',
          '\uDC00',
          '\uD83D\uDE00',
          '\u0000',
          '\u0001',
          '\u000B',
          '\t',
          '\n',
          '\r',
          '\u007F',
          '\u0085',
          '\uFDD0',
          '\uFDEF',
          '\uFFFD',
          '\uFFFE',
          '\uFFFF',
          '\u{1FFFE}',
          '\u{10FFFF}',
          '\u{10FFFD}',
          'é',
          ' ',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join('')),
  );

  it('gives only XML 1.0 Char characters, none of the discouraged DEL and noncharacters', () => {
    checkProperty(
      fc.property(hostile, (text) => {
        const bad = [...cleanXmlText(text)].filter((c) => !isXmlChar(c.codePointAt(0)!) || isDiscouraged(c.codePointAt(0)!));
        expect(bad).toEqual([]);
      }),
      1000,
    );
  });

  it('removes those characters and keeps every other one, in order', () => {
    checkProperty(
      fc.property(hostile, (text) => {
        const kept = [...text].filter((c) => isXmlChar(c.codePointAt(0)!) && !isDiscouraged(c.codePointAt(0)!)).join('');
        expect(cleanXmlText(text)).toBe(kept);
      }),
      1000,
    );
  });

  it('is idempotent', () => {
    checkIdempotent(cleanXmlText, hostile);
  });
});

// --- internal ---

/** XML 1.0 §2.2 Char, written with numbers rather than a regular expression (the code under test uses one). */
/** f(f(text)) is f(text), for 1,000 texts of `texts`. */
function checkIdempotent(f: (text: string) => string, texts: fc.Arbitrary<string>): void {
  checkProperty(
    fc.property(texts, (text) => {
      const once = f(text);
      expect(f(once)).toBe(once);
    }),
    1000,
  );
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** DEL and the Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
function isDiscouraged(cp: number): boolean {
  return cp === 0x7f || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}
