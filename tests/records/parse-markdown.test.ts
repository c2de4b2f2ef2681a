import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/records/parse-markdown.ts';
import { casesOf } from '../helpers/cases.ts';

const OPTIONS = { file: 'items/x.md', relPath: 'x' };

function parse(text: string): ReturnType<typeof parseMarkdown> {
  return parseMarkdown(text, OPTIONS);
}

function md(lines: readonly string[], eol = '\n'): string {
  return lines.join(eol) + eol;
}

const BASIC = ['---', 'title: Rentrée universitaire', 'date: 2024-09-02', 'categories: [Société, Éducation]', '---', '', 'Le **texte**.'];

describe('parseMarkdown', () => {
  describe('when the front matter is valid', () => {
    const { value, diagnostics } = parse(md(BASIC));

    it('reports nothing', () => {
      expect(diagnostics).toEqual([]);
    });

    it('gives every key with the line of its value', () => {
      expect(value?.fields).toEqual({
        title: { value: 'Rentrée universitaire', line: 2 },
        date: { value: '2024-09-02', line: 3 },
        categories: { value: ['Société', 'Éducation'], line: 4 },
      });
    });

    it('gives the body after the closing fence with its first line', () => {
      expect(value?.body).toEqual({ kind: 'markdown', text: '\nLe **texte**.\n', line: 6 });
    });

    it('fills file, relPath and format', () => {
      expect([value?.file, value?.relPath, value?.format]).toEqual(['items/x.md', 'x', 'md']);
    });
  });

  describe('when reading value types', () => {
    it.each([
      // Unquoted dates stay the raw string: the YAML 1.2 core schema has no timestamp type.
      ['date: 2024-11-05', '2024-11-05'],
      ['date: 2024-11-05 14:30', '2024-11-05 14:30'],
      ['date: 2024-11-05T14:30:00+01:00', '2024-11-05T14:30:00+01:00'],
      ['date: 2024-11-05T14:30:00Z', '2024-11-05T14:30:00Z'],
      ['date: 22 novembre 2024', '22 novembre 2024'],
      ['draft: true', true],
      ['draft: false', false],
      ['draft: yes', 'yes'],
      ['limit: 12', 12],
      ['summary: ~', null],
      ['summary:', null],
      ["title: 'L’OCP « au sommet »'", 'L’OCP « au sommet »'],
      ['categories: Société', 'Société'],
      ['author: { name: Jeanne Dupont, email: j@example.org }', { name: 'Jeanne Dupont', email: 'j@example.org' }],
      ['title: "Socie\\u0301te\\u0301"', 'Société'],
    ])('reads %j', (line, expected) => {
      const { value } = parse(md(['---', line, '---', 'Texte.']));
      expect(Object.values(value?.fields ?? {})[0]).toEqual({ value: expected, line: 2 });
    });

    it('never gives a Date', () => {
      const { value } = parse(md(['---', 'date: 2024-11-05', 'updated: 2024-11-05 14:30:00', '---']));
      expect(Object.values(value?.fields ?? {}).some((f) => f.value instanceof Date)).toBe(false);
    });

    it('keeps unknown keys', () => {
      const { value } = parse(md(['---', 'title: T', 'rubrique: Sport', '---']));
      expect(value?.fields.rubrique).toEqual({ value: 'Sport', line: 3 });
    });

    it('gives a block list the line of its first item', () => {
      const { value } = parse(md(['---', 'title: T', 'categories:', '  - Société', '  - Sport', '---']));
      expect(value?.fields.categories).toEqual({ value: ['Société', 'Sport'], line: 4 });
    });

    it('normalises decomposed text to NFC', () => {
      const { value } = parse(md(['---', 'title: Socie\u0301te\u0301', '---', 'e\u0301te\u0301']));
      expect([value?.fields.title?.value, value?.body]).toEqual(['Société', { kind: 'markdown', text: 'été\n', line: 4 }]);
    });
  });

  describe('when the value holds " : " unquoted, as French titles do', () => {
    const { value, diagnostics } = parse(md(['---', 'title: Maroc : le DG en visite', 'date: 2024-11-22', '---', 'Texte.']));

    it('reads the whole rest of the line', () => {
      expect(value?.fields.title).toEqual({ value: 'Maroc : le DG en visite', line: 2 });
    });

    it('reports nothing: French typography is no mistake (more in parse-front-matter.test.ts)', () => {
      expect(diagnostics).toEqual([]);
    });
  });

  describe('when a plain value holds a hashtag', () => {
    const { value, diagnostics } = parse(md(['---', 'title: Le mouvement #MeToo en France', '---']));

    it('reads it as YAML does, cut at the comment', () => {
      expect(value?.fields.title?.value).toBe('Le mouvement');
    });

    it('warns on that line', () => {
      expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.field])).toEqual([['warning', 'yaml-hash-comment', 2, 'title']]);
    });

    it.each(casesOf('records/parse-markdown', 'hashtags', 'string'))('does not warn for %j', (line) => {
      expect(parse(md(['---', line, '---'])).diagnostics).toEqual([]);
    });
  });

  describe('when the file shape varies', () => {
    it.each([
      ['CRLF line endings', md(BASIC, '\r\n')],
      ['lone CR line endings', md(BASIC, '\r')],
      ['a UTF-8 BOM', '\ufeff' + md(BASIC)],
      ['trailing spaces on the fences', md(BASIC.map((l) => (l === '---' ? '---  ' : l)))],
    ])('reads the same fields with %s', (_name, text) => {
      expect(parse(text).value?.fields).toEqual(parse(md(BASIC)).value?.fields);
    });

    it('accepts `...` as the closing fence', () => {
      expect(parse(md(['---', 'title: T', '...', 'Texte.'])).value?.body).toEqual({ kind: 'markdown', text: 'Texte.\n', line: 4 });
    });

    it('gives an empty body when there is none', () => {
      expect(parse('---\ntitle: T\n---').value?.body).toEqual({ kind: 'markdown', text: '', line: 4 });
    });

    it('reads empty front matter as no fields', () => {
      expect(parse(md(['---', '---', 'Texte.'])).value?.fields).toEqual({});
    });
  });

  describe('when the record is broken', () => {
    it.each([
      // [name, text, code, line]
      ['an empty file', '', 'empty-record', 1],
      ['no front matter', md(['# Titre', '', 'Texte.']), 'front-matter-missing', 1],
      ['front matter not on line 1', md(['', '---', 'title: T', '---']), 'front-matter-missing', 1],
      ['an unclosed front matter', md(['---', 'title: T', 'Texte.']), 'front-matter-unclosed', 1],
      ['a list as front matter', md(['---', '- a', '- b', '---']), 'front-matter-not-mapping', 2],
      ['a scalar as front matter', md(['---', 'juste du texte', '---']), 'front-matter-not-mapping', 2],
      ['an unclosed flow list', md(['---', 'title: T', 'categories: [Société', 'date: 2024-11-05', '---']), 'yaml-syntax', 3],
      ['an unclosed flow map', md(['---', 'author: { name: Jeanne', 'date: 2024-11-05', '---']), 'yaml-syntax', 2],
      ['an unclosed flow list on the last line', md(['---', 'title: T', 'categories: [Société', '---']), 'yaml-syntax', 3],
      ['a duplicate key', md(['---', 'title: T', 'date: 2024-11-05', 'title: U', '---']), 'yaml-syntax', 4],
      ['a key indented under a plain value', md(['---', 'title: T', '  date: 2024-11-05', '---']), 'yaml-syntax', 2],
      ['an unclosed quote', md(['---', 'title: "T', 'date: 2024-11-05', '---']), 'yaml-syntax', 2],
      ['an unclosed quote further down', md(['---', 'date: 2024-11-05', "summary: 'Résumé", 'draft: false', '---']), 'yaml-syntax', 3],
    ])('gives no record and one error for %s', (_name, text, code, line) => {
      const { value, diagnostics } = parse(text);
      expect([value, diagnostics.map((d) => [d.severity, d.code, d.line, d.file])]).toEqual([undefined, [['error', code, line, 'items/x.md']]]);
    });

    it('includes the YAML message', () => {
      const { diagnostics } = parse(md(['---', 'title: T', 'title: U', '---']));
      expect(diagnostics[0]?.message).toMatch(/unique/i);
    });
  });
});
