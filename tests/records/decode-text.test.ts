import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/records/decode-text.ts';
import { casesOf } from '../helpers/cases.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  describe('when the bytes are UTF-8', () => {
    it.each(casesOf('records/decode-text', 'UTF-8', 'string', 'string', 'string'))('reads %s', (_, input, expected) => {
      expect(decodeText(utf8(input)).text).toBe(expected);
    });

    it('says nothing about clean text', () => {
      expect(decodeText(utf8('Société\nÉconomie')).notes).toEqual([]);
    });

    it('warns at the line of the first C1 character', () => {
      expect(decodeText(utf8('titre\n\nl\u0092été')).notes).toEqual([expect.objectContaining({ code: 'c1-control', line: 3 })]);
    });
  });

  describe('when the bytes are Windows-1252', () => {
    it.each([
      ['accents', [0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9], 'Société'],
      ['’ … œ € « »', [0x92, 0x85, 0x9c, 0x80, 0xab, 0xbb], '’…œ€«»'],
      ['a non-breaking space', [0x31, 0xa0, 0x25], '1\u00A0%'],
    ])('reads %s', (_, bytes, expected) => {
      const { text, notes } = decodeText(Uint8Array.from(bytes));
      expect(text).toBe(expected);
      expect(notes.map((n) => n.code)).toEqual(['encoding-windows-1252']);
    });
  });

  describe('when UTF-8 text has a few invalid bytes', () => {
    // "Été\nUn octet <FF> perdu\net <C3> un autre" : valid é/É elsewhere prove the file is UTF-8, not Windows-1252.
    const bytes = Uint8Array.from([...utf8('Été\nUn octet '), 0xff, ...utf8(' perdu\net '), 0xc3, ...utf8(' un autre\n')]);
    const { text, notes } = decodeText(bytes);

    it('keeps the valid text and puts U+FFFD in place of each invalid byte', () => {
      expect(text).toBe('Été\nUn octet \uFFFD perdu\net \uFFFD un autre\n');
    });

    it('is one error naming every line with invalid bytes', () => {
      expect(notes.map((n) => [n.severity, n.code, n.line, n.message.match(/lines? [\d, ]+/)?.[0]])).toEqual([
        ['error', 'encoding-invalid-utf8', 2, 'lines 2, 3'],
      ]);
    });

    it.each([
      ['an overlong encoding', [0xc3, 0xa9, 0xc0, 0xaf]],
      ['a surrogate', [0xc3, 0xa9, 0xed, 0xa0, 0x80]],
      ['a truncated sequence', [0xc3, 0xa9, 0xe2, 0x82]],
      ['a code point past U+10FFFF', [0xc3, 0xa9, 0xf4, 0x90, 0x80, 0x80]],
    ])('calls %s invalid', (_, input) => {
      expect(decodeText(Uint8Array.from(input)).notes.map((n) => n.code)).toEqual(['encoding-invalid-utf8']);
    });
  });

  describe('when the bytes are UTF-16 with a BOM', () => {
    it.each([
      ['little-endian', Uint8Array.from([0xff, 0xfe, 0xe9, 0x00, 0x74, 0x00, 0xe9, 0x00])],
      ['big-endian', Uint8Array.from([0xfe, 0xff, 0x00, 0xe9, 0x00, 0x74, 0x00, 0xe9])],
    ])('reads %s text', (_, bytes) => {
      const { text, notes } = decodeText(bytes);
      expect(text).toBe('été');
      expect(notes.map((n) => n.code)).toEqual(['encoding-utf-16']);
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for a string', () => {
      expect(() => decodeText('texte' as unknown as Uint8Array)).toThrow(TypeError);
    });
  });
});
