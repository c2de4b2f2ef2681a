import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type RecordLimits } from '../../src/config/config-schema.ts';
import { Parser } from 'yaml';
import { findDeepJson, findDeepMarkdown, findDeepYaml, yamlDepthBound } from '../../src/records/find-deep-nesting.ts';
import { normalizeStrings } from '../../src/records/normalize-text.ts';
import { parseDispatch } from '../../src/records/parse-dispatch.ts';
import { parseJson } from '../../src/records/parse-json.ts';
import { parseMarkdown } from '../../src/records/parse-markdown.ts';
import { checkProperty } from '../helpers/property.ts';

const options = { file: 'items/x', relPath: 'x' };

/** Nine aliases per level over five levels: 9^5 = 59,049 expansions from a few hundred bytes ("billion laughs"). */
const ALIAS_BOMB = [
  'title: Bombe',
  'date: 2024-11-22',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
].join('\n');

const md = (front: string, body = 'Texte.'): string => `---\n${front}\n---\n${body}\n`;

describe('record containment', () => {
  describe('when a record is hostile', () => {
    it.each([
      // name, parse, code, line, field
      ['a YAML alias that contains itself', () => parseMarkdown(md('title: T\ndate: 2024-11-22\nx: &a [1, *a]'), options), 'too-deep', 4, 'x'],
      ['a YAML mapping that contains itself', () => parseMarkdown(md('title: T\ndate: 2024-11-22\nx: &a { y: *a }'), options), 'too-deep', 4, 'x'],
      ['YAML flow nested 2,500 levels', () => parseMarkdown(md(`title: T\nx: ${'['.repeat(2500)}${']'.repeat(2500)}`), options), 'too-deep', 3, undefined],
      [
        'YAML blocks nested 100 levels',
        () => parseMarkdown(md(`title: T\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x`), options),
        'too-deep',
        67,
        undefined,
      ],
      ['JSON nested 2,500 levels', () => parseJson(`{"title": "T",\n"x": ${'['.repeat(2500)}${']'.repeat(2500)}}`, options), 'too-deep', 2, undefined],
      ['JSON nested 100,000 levels', () => parseJson(`${'['.repeat(100_000)}`, options), 'too-deep', 1, undefined],
      ['block quotes nested 20,000 levels', () => parseMarkdown(md('title: T', `Intro.\n\n${'>'.repeat(20_000)} x`), options), 'too-deep', 6, 'body'],
      ['lists nested 3,000 levels', () => parseMarkdown(md('title: T', '- '.repeat(3000) + 'x'), options), 'too-deep', 4, 'body'],
      [
        'indented lists 200 levels',
        () => parseMarkdown(md('title: T', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')), options),
        'too-deep',
        4 + 64,
        'body',
      ],
      ['emphasis nested 10,000 levels', () => parseMarkdown(md('title: T', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`), options), 'too-deep', 4, 'body'],
      ['a JSON Markdown body nested 5,000 levels', () => parseJson(`{"title": "T",\n"body": "${'>'.repeat(5000)} x"}`, options), 'too-deep', 2, 'body'],
    ])('reports %s as one error on its line and field', (_, parse, code, line, field) => {
      const { value, diagnostics } = parse();
      expect({ value, diagnostics: diagnostics.map((d) => [d.severity, d.code, d.line, d.field]) }).toEqual({
        value: undefined,
        diagnostics: [['error', code, line, field]],
      });
    });
  });

  describe('when YAML aliases expand past limits.yamlAliases', () => {
    const { value, diagnostics } = parseMarkdown(md(ALIAS_BOMB), options);

    it('skips the record with an error on each field that expands too far', () => {
      expect([value, [...new Set(diagnostics.map((d) => `${d.severity} ${d.code}`))]]).toEqual([undefined, ['error yaml-aliases']]);
    });

    it('names the last field of the bomb, its line and the limit', () => {
      expect(diagnostics.at(-1)).toMatchObject({ line: 8, field: 'e', message: expect.stringContaining('limit of 50 (limits.yamlAliases)') });
    });
  });

  describe('when a body is over limits.bodyBytes', () => {
    const limits: RecordLimits = { ...DEFAULT_LIMITS, bodyBytes: 100 };
    const long = 'é'.repeat(60); // 120 bytes in UTF-8, 60 characters
    it.each([
      ['Markdown', () => parseMarkdown(md('title: T', long), { ...options, limits }), 4, 'body'],
      ['JSON body', () => parseJson(`{"title": "T",\n"body": "${long}"}`, { ...options, limits }), 2, 'body'],
      ['JSON html', () => parseJson(`{"title": "T",\n"html": "<p>${long}</p>"}`, { ...options, limits }), 2, 'html'],
      ['dispatch', () => parseDispatch(`22 novembre 2024\nSociété\n\nTitre\n\n${long}\n`, { ...options, vocabulary: [], limits }), 5, 'body'],
    ])('rejects a %s body, naming the size and the limit', (_, parse, line, field) => {
      const { value, diagnostics } = parse();
      expect([value, diagnostics.map((d) => [d.code, d.line, d.field, d.message])]).toEqual([
        undefined,
        [['body-too-large', line, field, expect.stringMatching(/^the body is 1\d\d bytes; the limit is 100 \(limits\.bodyBytes\)$/)]],
      ]);
    });

    it('accepts a body at the limit', () => {
      const { value, diagnostics } = parseMarkdown(md('title: T', `${'é'.repeat(49)}a`), { ...options, limits });
      expect([value?.body, diagnostics]).toEqual([{ kind: 'markdown', text: `${'é'.repeat(49)}a\n`, line: 4 }, []]);
    });
  });

  describe('when aliases stay under limits.yamlAliases', () => {
    it('expands them', () => {
      const { value, diagnostics } = parseMarkdown(md('title: &t Titre\ndate: 2024-11-22\nsummary: *t'), options);
      expect([value?.fields.summary?.value, diagnostics]).toEqual(['Titre', []]);
    });
  });

  describe('properties', () => {
    const nesting = fc.array(fc.constantFrom('[', '{"a":', ']', '}', '"', '\\', ',', '1', '>', '- ', '\n', ' ', '&a ', '*a', ': '), { maxLength: 400 });

    it('never throws on random nesting in JSON, and a too-deep record is one error', () => {
      checkProperty(
        fc.property(nesting, fc.integer({ min: 0, max: 3000 }), (pieces, extra) => {
          const text = `{"title": "T", "x": ${'['.repeat(extra)}${pieces.join('')}`;
          const { value, diagnostics } = parseJson(text, options);
          return value !== undefined || diagnostics.some((d) => d.severity === 'error');
        }),
        300,
      );
    });

    it('never throws on random nesting in YAML front matter or Markdown bodies', () => {
      checkProperty(
        fc.property(nesting, fc.integer({ min: 0, max: 200 }), (pieces, extra) => {
          const text = md(`title: T\nx: ${'['.repeat(extra)}${pieces.join('')}`, `${'> '.repeat(extra)}${pieces.join('')}`);
          const { value, diagnostics } = parseMarkdown(text, options);
          return value !== undefined || diagnostics.some((d) => d.severity === 'error');
        }),
        150,
      );
    });

    it('finds JSON too deep exactly when JSON.parse nests past the budget', () => {
      checkProperty(
        fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 1, max: 10 }), (value, max) => {
          const text = JSON.stringify(value);
          return (findDeepJson(text, max) === undefined) === depthOf(value) <= max;
        }),
        500,
      );
    });
  });
});

describe('findDeepYaml and findDeepMarkdown', () => {
  it.each([
    ['a: 1', 1, undefined],
    ['a: [1]', 1, 3],
    ['a: [1]', 2, undefined],
    ['a:\n  b:\n    c: 1', 2, 12],
    ['- - - x', 2, 4],
  ])('findDeepYaml(%j, %i) is %s', (source, max, offset) => {
    expect(findDeepYaml(source, max)).toBe(offset);
  });

  // findDeepYaml skips its walk when this bound is within the budget: it must never be below the real depth.
  describe('the quick bound of a YAML source', () => {
    type Node = { type?: string; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
    const depthOf = (node: unknown): number => {
      const n = node as Node | null;
      if (typeof n !== 'object' || n === null || typeof n.type !== 'string') return 0;
      if (n.type === 'document') return depthOf(n.value);
      if (!Array.isArray(n.items)) return 0;
      return 1 + Math.max(0, ...n.items.flatMap((item) => [depthOf(item.key), depthOf(item.value)]));
    };
    const cstDepth = (source: string) => Math.max(0, ...[...new Parser().parse(source)].map(depthOf));
    const piece = fc.constantFrom(
      'a',
      'b: ',
      ':',
      '- ',
      '-',
      '? ',
      '[',
      ']',
      '{',
      '}',
      ',',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '"',
      "'",
      '#',
      '|',
      '>',
      '&x ',
      '*x',
      '!t ',
      'é',
    );
    it('is at least the depth yaml parses, for any source', () => {
      checkProperty(
        fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
          const source = parts.join('');
          expect(yamlDepthBound(source)).toBeGreaterThanOrEqual(cstDepth(source));
        }),
        3000,
      );
    });

    it.each([
      ['title: a\ndate: 2024-11-22\ncategories: [a, b]', 5],
      ['a:\n  b:\n    c: 1', 6],
    ])('bounds %j by %i', (source, bound) => {
      expect(yamlDepthBound(source)).toBe(bound);
    });
  });

  it.each([
    ['Un paragraphe.\n\n> citation', 1, undefined],
    ['> > citation', 1, 0],
    ['- a\n  - b\n    - c', 2, 2],
    ['Texte\n\n    du code indenté', 1, undefined],
    ['---\n\n* * *', 3, undefined],
    ['Un **gras** et _italique_', 1, undefined],
    [`${'*'.repeat(300)}\n\nTexte`, 2, undefined],
    [`Texte ${'*'.repeat(7)}x`, 3, 0],
  ])('findDeepMarkdown(%j, %i) is %s', (text, max, line) => {
    expect(findDeepMarkdown(text, max)).toBe(line);
  });
});

describe('normalizeStrings', () => {
  it('normalises strings and keys at every depth, keeping order and types', () => {
    const value = { 'e\u0301': ['cafe\u0301', 1, null, true, { 'a\u0300': 'b' }] };
    expect(normalizeStrings(value, 64)).toEqual({ ok: true, value: { é: ['café', 1, null, true, { à: 'b' }] } });
  });

  it('keeps a __proto__ key as data, never as the prototype', () => {
    const result = normalizeStrings(JSON.parse('{"__proto__": {"polluted": true}}'), 64);
    expect([result.ok && Object.getPrototypeOf(result.value) === Object.prototype, result.ok && Object.keys(result.value as object)]).toEqual([
      true,
      ['__proto__'],
    ]);
  });

  it('stops at a value that contains itself', () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(normalizeStrings(loop, 64)).toEqual({ ok: false });
  });
});

function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, d] = next;
    if (v !== null && typeof v === 'object') {
      max = Math.max(max, d + 1);
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}
