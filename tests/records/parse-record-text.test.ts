import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/records/parse-record-text.ts';
import { checkProperty } from '../helpers/property.ts';

const FORMATS = ['md', 'json', 'txt'] as const;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseRecordText', () => {
  describe('when the bytes are a valid record', () => {
    it.each([
      ['md', '---\ntitle: Titre\ndate: 2024-11-05\n---\nTexte.\n'],
      ['json', '{"title": "Titre", "date": "2024-11-05", "body": "Texte."}'],
      ['txt', 'vendredi, novembre 22, 2024\nSociété\n\nTitre\n\nTexte.\n'],
    ] as const)('reads a %s record without a finding', (format, text) => {
      const { value, diagnostics } = parseRecordText(utf8(text), { file: `items/a.${format}`, relPath: 'a', format, vocabulary: [] });
      expect([value?.fields.title?.value, diagnostics]).toEqual(['Titre', []]);
    });
  });

  describe('when the bytes hold a NUL', () => {
    it('is an error on the line of the NUL, and nothing else is lost', () => {
      const { value, diagnostics } = parseRecordText(utf8('---\ntitle: T\ndate: 2024-11-05\n---\nA\u0000B\n'), {
        file: 'items/a.md',
        relPath: 'a',
        format: 'md',
        vocabulary: [],
      });
      expect([value, diagnostics.map((d) => [d.code, d.line])]).toEqual([undefined, [['nul-byte', 5]]]);
    });
  });

  describe('properties', () => {
    it('never throws on random bytes, and a record with an error has no value', () => {
      checkProperty(
        fc.property(fc.constantFrom(...FORMATS), fc.uint8Array({ maxLength: 600 }), (format, bytes) => {
          const { value, diagnostics } = parseRecordText(bytes, { file: 'items/x', relPath: 'x', format, vocabulary: ['Société'] });
          const hasError = diagnostics.some((d) => d.severity === 'error');
          return (value === undefined) === hasError && diagnostics.every((d) => d.code !== 'internal-error');
        }),
        1000,
      );
    });

    it('never throws on random text built from record syntax', () => {
      const piece = fc.constantFrom(
        '---\n',
        'title: ',
        'date: 2024-11-05\n',
        '&a ',
        '*a',
        '[',
        ']',
        '{',
        '}',
        '"',
        ': ',
        '\n',
        '- ',
        '> ',
        'é',
        '\u0000',
        '\uFFFD',
        '#',
        '|',
      );
      checkProperty(
        fc.property(fc.constantFrom(...FORMATS), fc.array(piece, { maxLength: 200 }), (format, pieces) => {
          const { diagnostics } = parseRecordText(utf8(pieces.join('')), { file: 'items/x', relPath: 'x', format, vocabulary: [] });
          return diagnostics.every((d) => d.code !== 'internal-error');
        }),
        1000,
      );
    });
  });
});
