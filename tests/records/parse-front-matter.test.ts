import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseFrontMatter } from '../../src/records/parse-front-matter.ts';
import { parseMarkdown } from '../../src/records/parse-markdown.ts';
import { checkProperty } from '../helpers/property.ts';
import { casesOf } from '../helpers/cases.ts';

const YAML_OPTIONS = { prettyErrors: false, schema: 'core', version: '1.2' } as const;

/** The front matter lines as parseMarkdown reads them: fields (with lines) and diagnostics as `line field code`. */
function read(lines: readonly string[]) {
  const { value, diagnostics } = parseMarkdown(['---', ...lines, '---', 'Texte.', ''].join('\n'), { file: 'items/x.md', relPath: 'x' });
  return {
    fields: value && Object.fromEntries(Object.entries(value.fields).map(([key, field]) => [key, field.value])),
    diagnostics: diagnostics.map((d) => `${d.line} ${d.field ?? '-'} ${d.code}`),
    messages: diagnostics.map((d) => d.message),
  };
}

/** The document's value, or the reason yaml gives for having none (an alias to no anchor). */
function toJS(doc: { toJS(): unknown }): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    return String(error);
  }
}

describe('front matter with " : " in an unquoted value', () => {
  describe('when YAML refuses the line only for its ": "', () => {
    // Titles as French newsrooms print them: a space before the colon (Imprimerie nationale), « guillemets »,
    // typographic and straight apostrophes, two colons, a colon at the end.
    const refusedForColon = casesOf('records/parse-front-matter', 'refused for ": "', 'string', 'string', 'string');
    it.each(refusedForColon)('reads %j as the rest of the line', (line, key, expected) => {
      const { fields } = read([line, 'date: 2024-11-22']);
      expect(fields?.[key]).toBe(expected);
    });

    it('reads a " #" after the value as a YAML comment, as on any other line, and warns', () => {
      expect(read(['title: Cinéma : le #MeToo à Cannes'])).toMatchObject({ fields: { title: 'Cinéma : le' }, diagnostics: ['2 title yaml-hash-comment'] });
    });

    it('reads several such lines and keeps the others', () => {
      const { fields, diagnostics } = read([
        'title: Maroc : le DG en visite',
        'summary: Rabat : accord signé',
        'categories: [Maroc, Économie]',
        'draft: false',
      ]);
      expect({ fields, diagnostics }).toEqual({
        fields: { title: 'Maroc : le DG en visite', summary: 'Rabat : accord signé', categories: ['Maroc', 'Économie'], draft: false },
        diagnostics: [],
      });
    });
  });

  describe('when YAML accepts the line', () => {
    it.each(casesOf('records/parse-front-matter', 'accepted by YAML', 'string', 'string'))('keeps YAML’s reading of %j', (line, expected) => {
      expect(read(line.split('\n')).fields?.title).toBe(expected);
    });
  });

  describe('when the value is still refused', () => {
    it.each(casesOf('records/parse-front-matter', 'still refused', 'string', 'number', 'string', 'string'))('says how to fix %j', (text, line, field, fix) => {
      const { fields, diagnostics, messages } = read(text.split('\n'));
      expect({ fields, diagnostics, hint: messages[0]?.endsWith(`put the value in double quotes (mettez la valeur entre guillemets): ${fix}`) }).toEqual({
        fields: undefined,
        diagnostics: [`${line} ${field} yaml-syntax`],
        hint: true,
      });
    });

    it('keeps YAML’s rules inside a map', () => {
      expect(read(['author:', '  name: AFP : Jeanne']).diagnostics).toEqual(['3 - yaml-syntax']);
    });
  });

  describe('when the line is inside a list', () => {
    it('keeps YAML’s reading, a one-key map (which the article stage then refuses as a category)', () => {
      expect(read(['categories:', '  - Politique : local']).fields?.categories).toEqual([{ Politique: 'local' }]);
    });
  });

  describe('whatever the text', () => {
    // Fragments that YAML treats specially, in any order, on top-level and indented lines.
    const fragment = fc.constantFrom(...['a', 'é', '1', ' ', '\t', ':', ': ', ' : ', ' :', '#', ' #', "'", '"', '«', '’'], ...'[]{}-|>,&*!'.split(''), '- ');
    const value = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom('title', 'summary', 'x'), value).map(([key, text]) => `${key}: ${text}`) },
      { weight: 1, arbitrary: value.map((text) => `  ${text}`) },
      { weight: 1, arbitrary: value },
    );
    const document = fc.array(line, { minLength: 1, maxLength: 5 });

    it('never changes what YAML itself accepts', () => {
      checkProperty(
        fc.property(document, (lines) => {
          const yaml = parseDocument(lines.join('\n'), YAML_OPTIONS);
          fc.pre(yaml.errors.length === 0);
          const ours = parseFrontMatter(lines);
          expect([ours.repaired, toJS(ours.doc)]).toEqual([[], toJS(yaml)]);
        }),
        300,
      );
    });

    it('rewrites only top-level lines that YAML refuses, each to the rest of its line', () => {
      checkProperty(
        fc.property(document, (lines) => {
          const ours = parseFrontMatter(lines);
          for (const index of ours.repaired) {
            const original = lines[index] ?? '';
            expect(parseDocument(original, YAML_OPTIONS).errors.length).toBeGreaterThan(0);
            expect(original).toMatch(/^[^\s#'"]/);
          }
        }),
        300,
      );
    });
  });
});
