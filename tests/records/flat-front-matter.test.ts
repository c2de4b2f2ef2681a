import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { readFlatFrontMatter } from '../../src/records/flat-front-matter.ts';
import { parseMarkdown } from '../../src/records/parse-markdown.ts';
import { checkProperty } from '../helpers/property.ts';

/** What yaml (YAML 1.2, core schema, as parse-front-matter.ts runs it) reads: each key's value and 0-based line. */
function readWithYaml(lines: readonly string[]): { errors: number; fields: [string, unknown, number][] } {
  const counter = new LineCounter();
  const doc = parseDocument(lines.join('\n'), { lineCounter: counter, prettyErrors: false, schema: 'core', version: '1.2' });
  const items = (doc.contents as { items?: { key: { value: unknown }; value: { range: number[] } | null }[] } | null)?.items ?? [];
  const js = (doc.errors.length === 0 ? (doc.toJS() ?? {}) : {}) as Record<string, unknown>;
  const fields = items.map((pair): [string, unknown, number] => {
    const key = String(pair.key.value);
    return [key, js[key], pair.value ? counter.linePos(pair.value.range[0] ?? 0).line - 1 : -1];
  });
  return { errors: doc.errors.length, fields };
}

const char = fc.constantFrom(
  'a',
  'é',
  ' ',
  ':',
  '#',
  '"',
  "'",
  '\\',
  ',',
  '[',
  ']',
  '{',
  '}',
  '-',
  '?',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '\t',
  '\u00A0',
  '\u0085',
  '\u2028',
  '\uFEFF',
  '😀',
  '1',
  '.',
  '~',
  '/',
  'n',
  'u',
  'l',
  't',
  'r',
  'e',
);
const text = fc.array(char, { maxLength: 12 }).map((c) => c.join(''));
const plainWord = fc.constantFrom(
  'Politique',
  'Aïcha Diallo',
  'l’été',
  'null',
  'True',
  '~',
  '12',
  '-3',
  '.5',
  '0x1F',
  '1e3',
  'a: b',
  'a #b',
  'a#b',
  'x:',
  'https://exemple.fr/a?b=1',
  '2025-11-20 11:07',
  '2025-11-20',
  '2024',
  '12:30',
  '',
);
const realistic = fc.constantFrom(
  'Politique',
  'Aïcha Diallo',
  'l’été « chaud » à Paris',
  'https://exemple.fr/a?b=1',
  '2025-11-20 11:07',
  'a [b] {c}, d',
  "l'AFP & co",
  'x*y!z',
);
const value = fc.oneof(
  { weight: 6, arbitrary: realistic },
  { weight: 3, arbitrary: realistic.map((t) => JSON.stringify(t)) },
  { weight: 3, arbitrary: fc.array(realistic, { maxLength: 3 }).map((items) => `[${items.filter((i) => !/[,[\]{}:]/.test(i)).join(', ')}]`) },
  text,
  plainWord,
  text.map((t) => JSON.stringify(t)),
  text.map((t) => `'${t.replaceAll("'", "''")}'`),
  text.map((t) => `'${t}'`),
  text.map((t) => `"${t}"`),
  fc.array(fc.oneof(plainWord, text), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.array(plainWord, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('title', 'date', 'categories', 'author', 'a-b', '_x', 'x1', 'Titre', 'slug', 'summary') },
  fc.constantFrom('true', 'null', '1', '-a', 'a b'),
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(key, fc.constantFrom(': ', ': ', ': ', ':  ', ':', ' : ', ':\t'), value).map(([k, s, v]) => `${k}${s}${v}`) },
  fc.constantFrom('', '# commentaire', '  indenté: 1', '- liste', 'title: a : b', '---'),
);

describe('readFlatFrontMatter', () => {
  it('reads the values and lines yaml reads, whenever it reads any', () => {
    let read = 0;
    checkProperty(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const flat = readFlatFrontMatter(lines);
        if (flat === undefined) return;
        read += 1;
        const yaml = readWithYaml(lines);
        expect({ errors: yaml.errors, fields: [...flat].map(([k, f]) => [k, f.value, f.index]) }).toEqual({ errors: 0, fields: yaml.fields });
      }),
      5000,
    );
    // The property says something only if the flat reader often reads.
    expect(read).toBeGreaterThan(500);
  });

  it.each([
    ['a quoted French title and a date', ['title: "Municipales : la liste l’emporte"', 'date: 2024-11-22 10:30'], true],
    ['a one-line list of categories', ['categories: [Politique, Société]'], true],
    ['a French " : " left unquoted', ['title: Municipales : la liste l’emporte'], false],
    ['a number', ['id: 2024'], false],
    ['a comment', ['# note', 'title: a'], false],
    ['an indented list', ['categories:', '  - Politique'], false],
    ['a repeated key', ['title: a', 'title: b'], false],
  ])('reads %s itself: %s', (_label, lines, flat) => {
    expect(readFlatFrontMatter(lines) !== undefined).toBe(flat);
  });
});

describe('parseMarkdown with a flat front matter', () => {
  it.each([
    ['---\ntitle: "Île-de-France (n° 1) : l’intersyndicale"\ndate: 2025-11-20 11:07\ncategories: [Politique]\nauthor: Aïcha Diallo\n---\n\nCorps.\n'],
    ['---\ntitle: Le mouvement #MeToo\ndate: 2025-11-20\n---\nCorps.\n'],
    ["---\n\ntitle: 'l''été'\nslug: ete\n\n---\nCorps.\n"],
  ])('gives the record yaml gives: %j', (text) => {
    const options = { file: 'items/a.md', relPath: 'a' };
    const flat = parseMarkdown(text, options);
    // A `# c` line makes the front matter yaml's: the same fields, from yaml, one line further down.
    const shifted = parseMarkdown(text.replace('---\n', '---\n# c\n'), options);
    const lines = (r: typeof flat) => Object.fromEntries(Object.entries(r.value?.fields ?? {}).map(([k, f]) => [k, [f.value, f.line]]));
    const down = Object.fromEntries(Object.entries(lines(shifted)).map(([k, [v, l]]) => [k, [v, (l as number) - 1]]));
    expect([lines(flat), flat.diagnostics.map((d) => [d.code, d.line])]).toEqual([down, shifted.diagnostics.map((d) => [d.code, (d.line ?? 0) - 1])]);
  });
});
