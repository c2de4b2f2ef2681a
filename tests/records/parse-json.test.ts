import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/records/parse-json.ts';
import { casesOf } from '../helpers/cases.ts';

const OPTIONS = { file: 'items/x.json', relPath: 'x' };

function parse(text: string): ReturnType<typeof parseJson> {
  return parseJson(text, OPTIONS);
}

const BASIC = [
  '{',
  '  "title": "Coupe du monde : la France en demi-finale",',
  '  "date": "2024-11-05",',
  '  "categories": ["Sport", "International"],',
  '  "draft": false,',
  '  "body": "Le **XV** de France…"',
  '}',
].join('\n');

describe('parseJson', () => {
  describe('when the object is valid', () => {
    const { value, diagnostics } = parse(BASIC);

    it('reports nothing', () => {
      expect(diagnostics).toEqual([]);
    });

    it('gives every key but the body with the line of its value', () => {
      expect(value?.fields).toEqual({
        title: { value: 'Coupe du monde : la France en demi-finale', line: 2 },
        date: { value: '2024-11-05', line: 3 },
        categories: { value: ['Sport', 'International'], line: 4 },
        draft: { value: false, line: 5 },
      });
    });

    it('reads "body" as Markdown with its line', () => {
      expect(value?.body).toEqual({ kind: 'markdown', text: 'Le **XV** de France…', line: 6 });
    });

    it('fills file, relPath and format', () => {
      expect([value?.file, value?.relPath, value?.format]).toEqual(['items/x.json', 'x', 'json']);
    });
  });

  describe('when reading the body', () => {
    it.each([
      ['"html" as HTML', '{"title": "T", "html": "<p>Texte</p>"}', { kind: 'html', html: '<p>Texte</p>', line: 1 }],
      ['no body as none', '{"title": "T"}', { kind: 'none' }],
      ['a null body as none', '{"title": "T", "body": null}', { kind: 'none' }],
      ['an empty body as empty Markdown', '{"title": "T", "body": ""}', { kind: 'markdown', text: '', line: 1 }],
    ])('reads %s', (_name, text, expected) => {
      expect(parse(text).value?.body).toEqual(expected);
    });

    it('uses "html" and warns when both are set', () => {
      const { value, diagnostics } = parse('{\n"title": "T",\n"body": "*x*",\n"html": "<p>x</p>"\n}');
      expect([value?.body, diagnostics.map((d) => [d.severity, d.code, d.line, d.field])]).toEqual([
        { kind: 'html', html: '<p>x</p>', line: 4 },
        [['warning', 'body-and-html', 3, 'body']],
      ]);
    });

    it('removes "body" and "html" from the fields', () => {
      expect(Object.keys(parse('{"title": "T", "body": "a", "html": "b"}').value?.fields ?? {})).toEqual(['title']);
    });

    const fieldsNotStrings = casesOf('records/parse-json', 'fields not strings', 'string', 'string', 'string');

    it.each(fieldsNotStrings)('gives no record and an error when "%s" is not a string', (field, text, message) => {
      const { value, diagnostics } = parse(text);
      expect([value, diagnostics.map((d) => [d.severity, d.code, d.line, d.field, d.message])]).toEqual([
        undefined,
        [['error', 'body-not-string', 3, field, message]],
      ]);
    });
  });

  describe('when reading values', () => {
    it('keeps unknown keys', () => {
      expect(parse('{"title": "T", "rubrique": "Sport"}').value?.fields.rubrique).toEqual({ value: 'Sport', line: 1 });
    });

    it('keeps nested objects', () => {
      const { value } = parse('{\n"author": {\n  "name": "Jeanne Dupont",\n  "email": "j@example.org"\n}\n}');
      expect(value?.fields.author).toEqual({ value: { name: 'Jeanne Dupont', email: 'j@example.org' }, line: 2 });
    });

    it('normalises decomposed strings to NFC, escapes included', () => {
      const { value } = parse('{"title": "Socie\\u0301te\\u0301", "categories": ["E\u0301conomie"]}');
      expect([value?.fields.title?.value, value?.fields.categories?.value]).toEqual(['Société', ['Économie']]);
    });

    it('keeps the last of duplicate keys and warns', () => {
      const { value, diagnostics } = parse('{\n"title": "A",\n"title": "B"\n}');
      expect([value?.fields.title, diagnostics.map((d) => [d.severity, d.code, d.line])]).toEqual([{ value: 'B', line: 3 }, [['warning', 'duplicate-key', 3]]]);
    });

    it.each([
      ['a UTF-8 BOM', '\ufeff' + BASIC],
      ['CRLF line endings', BASIC.replace(/\n/g, '\r\n')],
    ])('reads the same fields with %s', (_name, text) => {
      expect(parse(text).value?.fields).toEqual(parse(BASIC).value?.fields);
    });
  });

  describe('when the JSON is broken', () => {
    const brokenJson = casesOf('records/parse-json', 'broken JSON', 'string', 'string', 'string', 'number', 'string');
    it.each(brokenJson)('gives no record and one error for %s', (_name, text, code, line, fragment) => {
      const { value, diagnostics } = parse(text);
      expect([value, diagnostics.map((d) => [d.severity, d.code, d.line, d.file])]).toEqual([undefined, [['error', code, line, 'items/x.json']]]);
      expect(diagnostics[0]?.message).toContain(fragment);
    });
  });
});
