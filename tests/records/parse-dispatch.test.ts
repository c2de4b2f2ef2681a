import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDispatch } from '../../src/records/parse-dispatch.ts';
import type { DispatchBlock, RawRecord } from '../../src/records/raw-record.ts';
import { casesOf } from '../helpers/cases.ts';

const SEED = readFileSync(new URL('../../items/000_d101a6bb032ffd19.txt', import.meta.url), 'utf8');
const OPTIONS = { file: 'items/x.txt', relPath: 'x', vocabulary: ['International', 'National', 'Société'] };

function parse(text: string): ReturnType<typeof parseDispatch> {
  return parseDispatch(text, OPTIONS);
}

function blocksOf(record: RawRecord | undefined): readonly DispatchBlock[] {
  if (record?.body.kind !== 'blocks') throw new Error(`expected blocks, got ${record?.body.kind}`);
  return record.body.blocks;
}

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/dispatch/${name}`, import.meta.url), 'utf8');
}

/** A dispatch from lines, joined with `eol`. */
function dispatch(lines: readonly string[], eol = '\n'): string {
  return lines.join(eol) + eol;
}

const BASIC = ['vendredi, novembre 22, 2024', 'InternationalNationalSociété', '', 'Le titre', '', 'Un paragraphe.'];

describe('parseDispatch', () => {
  describe('when reading the seed dispatch', () => {
    const { value, diagnostics } = parse(SEED);
    const blocks = blocksOf(value);

    it('reports nothing', () => {
      expect(diagnostics).toEqual([]);
    });

    it('keeps line 1 as the raw date string', () => {
      expect(value?.fields.date).toEqual({ value: 'vendredi, novembre 22, 2024', line: 1 });
    });

    it('splits the run-together categories of line 2', () => {
      expect(value?.fields.categories).toEqual({ value: ['International', 'National', 'Société'], line: 2 });
    });

    it('reads the title on line 4', () => {
      expect(value?.fields.title).toEqual({ value: 'Maroc : le DG de la sécurité intérieure en France en visite de travail', line: 4 });
    });

    it('starts the body with the kicker', () => {
      expect(blocks[0]).toEqual({ kind: 'kicker', text: 'RENFORCEMENT DE LA COOPÉRATION SÉCURITAIRE ENTRE LE MAROC ET LA FRANCE', line: 6 });
    });

    it('splits the heading off the first line of its block', () => {
      expect(blocks.slice(1, 3).map((b) => [b.kind, b.line, b.text.slice(0, 29)])).toEqual([
        ['heading', 8, 'Rencontres de travail à Rabat'],
        ['paragraph', 9, 'Abdellatif Hammouchi, haut re'],
      ]);
    });

    it('gives the block kinds in order', () => {
      expect(blocks.map((b) => b.kind)).toEqual([
        'kicker',
        ...Array<string[]>(6).fill(['heading', 'paragraph']).flat(),
        'kicker',
        'paragraph',
        'paragraph',
        'paragraph',
        'paragraph',
      ]);
    });

    it('reads the second kicker after the run of blank lines', () => {
      expect(blocks[13]).toEqual({ kind: 'kicker', text: 'RENFORCEMENT DES LIENS SÉCURITAIRES MAROCO-FRANÇAIS', line: 29 });
    });

    it('keeps the closing "En conclusion" block a paragraph', () => {
      expect(blocks[14]?.kind === 'paragraph' && blocks[14].text.startsWith('En conclusion, les récentes')).toBe(true);
    });

    it('keeps every character of the body text', () => {
      const bodyLines = SEED.split('\n')
        .slice(5)
        .map((l) => l.trimEnd())
        .filter((l) => l !== '');
      expect(blocks.map((b) => b.text)).toEqual(bodyLines);
    });

    it('keeps the non-breaking space before "etc."', () => {
      expect(blocks.some((b) => b.text.includes('transfrontalière,\u00a0etc.).'))).toBe(true);
    });

    it('strips trailing spaces from lines', () => {
      expect(blocks.every((b) => b.text === b.text.trimEnd())).toBe(true);
    });

    it('starts the body on the first block line', () => {
      expect(value?.body).toMatchObject({ kind: 'blocks', line: 6 });
    });

    it('fills file, relPath and format', () => {
      expect([value?.file, value?.relPath, value?.format]).toEqual(['items/x.txt', 'x', 'txt']);
    });
  });

  describe('when the text has another encoding shape', () => {
    it.each([
      ['CRLF line endings', dispatch(BASIC, '\r\n')],
      ['lone CR line endings', dispatch(BASIC, '\r')],
      ['a UTF-8 BOM', '\ufeff' + dispatch(BASIC)],
      ['trailing spaces and tabs', dispatch(BASIC.map((l) => `${l} \t `))],
      ['no final newline', BASIC.join('\n')],
      ['decomposed accents', dispatch(BASIC).normalize('NFD')],
    ])('reads the same record with %s', (_name, text) => {
      expect(parse(text)).toEqual(parse(dispatch(BASIC)));
    });
  });

  describe('when classifying body lines', () => {
    it.each(casesOf('records/parse-dispatch', 'body lines', 'strings', 'json'))('reads %j', (body, expected) => {
      const blocks = blocksOf(parse(dispatch([...BASIC.slice(0, 5), ...body])).value);
      expect(blocks.map((b) => [b.kind, b.text])).toEqual(expected);
    });

    it('numbers each block by its first line', () => {
      const blocks = blocksOf(parse(dispatch([...BASIC.slice(0, 5), 'LE BANDEAU', '', '', 'Intertitre', 'Texte.'])).value);
      expect(blocks.map((b) => b.line)).toEqual([6, 9, 10]);
    });

    it('keeps non-breaking and narrow no-break spaces inside the text', () => {
      const text = 'Il a dit\u00a0: «\u202fnon\u202f», etc.';
      expect(blocksOf(parse(dispatch([...BASIC.slice(0, 5), text])).value)[0]?.text).toBe(text);
    });

    it('reads a body with no headings', () => {
      const blocks = blocksOf(parse(fixture('no-headings.txt')).value);
      expect(blocks.map((b) => b.kind)).toEqual(['kicker', 'paragraph', 'paragraph', 'paragraph']);
    });

    it('reads headings in their own block and quoted headings', () => {
      const blocks = blocksOf(parse(fixture('headings-and-quotes.txt')).value);
      expect(blocks.map((b) => [b.kind, b.line])).toEqual([
        ['kicker', 6],
        ['heading', 8],
        ['paragraph', 10],
        ['heading', 11],
        ['paragraph', 12],
        ['paragraph', 13],
        ['paragraph', 15],
      ]);
    });
  });

  describe('when the header lines are irregular', () => {
    it('tolerates extra blank lines before the title', () => {
      const { value, diagnostics } = parse(dispatch([...BASIC.slice(0, 3), '', '', ...BASIC.slice(3)]));
      expect([value?.fields.title, diagnostics]).toEqual([{ value: 'Le titre', line: 6 }, []]);
    });

    it('warns when the blank line between categories and title is missing', () => {
      const { value, diagnostics } = parse(dispatch([BASIC[0]!, BASIC[1]!, 'Le titre', '', 'Texte.']));
      expect([value?.fields.title?.value, diagnostics.map((d) => [d.severity, d.code, d.line])]).toEqual(['Le titre', [['warning', 'blank-line-missing', 3]]]);
    });

    it('warns and gives no categories when line 2 is blank', () => {
      const { value, diagnostics } = parse(dispatch([BASIC[0]!, '', 'Le titre', '', 'Texte.']));
      expect([value?.fields.categories, value?.fields.title?.value, diagnostics.map((d) => [d.code, d.field])]).toEqual([
        { value: [], line: 2 },
        'Le titre',
        [['categories-missing', 'categories']],
      ]);
    });

    it('splits separated categories', () => {
      const { value } = parse(dispatch([BASIC[0]!, 'Faits divers · Île-de-France', '', 'Le titre', '', 'Texte.']));
      expect(value?.fields.categories?.value).toEqual(['Faits divers', 'Île-de-France']);
    });

    it('keeps the date line exactly, trimmed', () => {
      const { value } = parse(dispatch(['  1er décembre 2024 à 14 h 30 ', ...BASIC.slice(1)]));
      expect(value?.fields.date?.value).toBe('1er décembre 2024 à 14 h 30');
    });

    it('counts lines from the file start when it begins with blank lines', () => {
      const { value } = parse(dispatch(['', ...BASIC]));
      expect([value?.fields.date?.line, value?.fields.title?.line]).toEqual([2, 5]);
    });
  });

  describe('when the dispatch is incomplete', () => {
    it.each([
      ['an empty file', '', 'empty-record'],
      ['only blank lines', '\n\n  \n', 'empty-record'],
      ['only a BOM', '\ufeff', 'empty-record'],
      ['no title', dispatch(BASIC.slice(0, 2)), 'title-missing'],
      ['no title after blank lines', dispatch([...BASIC.slice(0, 3), '', '']), 'title-missing'],
    ])('gives no record and an error for %s', (_name, text, code) => {
      const { value, diagnostics } = parse(text);
      expect([value, diagnostics.map((d) => [d.severity, d.code, d.file])]).toEqual([undefined, [['error', code, 'items/x.txt']]]);
    });

    it('warns and gives an empty body when there is no body', () => {
      const { value, diagnostics } = parse(dispatch(BASIC.slice(0, 4)));
      expect([value?.body, diagnostics.map((d) => [d.severity, d.code])]).toEqual([{ kind: 'none' }, [['warning', 'body-missing']]]);
    });
  });

  describe('when misused', () => {
    it('throws a TypeError for a non-string text', () => {
      expect(() => parseDispatch(Buffer.from('x') as unknown as string, OPTIONS)).toThrow(TypeError);
    });
  });
});
