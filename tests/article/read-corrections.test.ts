// `corrections: [{ date, text }]`, read from real .md and .json records: the notes, the article's `updated`, and
// every finding at the line of the note and named `corrections[n].field`.
import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/article/to-article.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { parseJson } from '../../src/records/parse-json.ts';
import { parseMarkdown } from '../../src/records/parse-markdown.ts';
import { makeConfig } from '../helpers/factories.ts';
import { casesOf } from '../helpers/cases.ts';

const config = makeConfig({ categories: {} });

/** A .md record dated 22 November 2024 (Paris) with `lines` after the date; `corrections` starts on line 4. */
function md(...lines: string[]) {
  const text = ['---', 'title: Maroc : le DG en visite', 'date: 22 novembre 2024', ...lines, '---', 'Le texte.'].join('\n');
  const record = parseMarkdown(text, { file: 'items/x.md', relPath: 'x' }).value;
  if (!record) throw new Error('the test record does not parse');
  return toArticle(record, config);
}

const notesOf = (result: ReturnType<typeof md>) => result.value?.corrections.map((c) => [c.date.toISOString(), c.text, c.key]);

describe('reading corrections', () => {
  describe('when the notes are valid', () => {
    it.each([
      [
        'block mappings, French and ISO dates',
        [
          'corrections:',
          '  - date: 23 novembre 2024 à 9h15',
          '    text: Une version précédente donnait 12 morts.',
          '  - date: 2024-11-25T10:00:00+01:00',
          '    text: Le nom du ministre était mal orthographié.',
        ],
        [
          ['2024-11-23T08:15:00.000Z', 'Une version précédente donnait 12 morts.', '20241123T081500Z'],
          ['2024-11-25T09:00:00.000Z', 'Le nom du ministre était mal orthographié.', '20241125T090000Z'],
        ],
      ],
      [
        'flow mappings, a date without a time (00:00 in Paris)',
        ['corrections: [{ date: 24/11/2024, text: "Précision : « 12 » et non « 21 »." }]'],
        [['2024-11-23T23:00:00.000Z', 'Précision : « 12 » et non « 21 ».', '20241123T230000Z']],
      ],
      [
        'text on several lines, read as one line',
        ['corrections:', '  - date: 23 novembre 2024', '    text: >', '      Une version', '      précédente.'],
        [['2024-11-22T23:00:00.000Z', 'Une version précédente.', '20241122T230000Z']],
      ],
      [
        'two notes of the same instant, told apart in record order',
        ['corrections:', '  - { date: 23 novembre 2024, text: Un. }', '  - { date: 2024-11-23, text: Deux. }'],
        [
          ['2024-11-22T23:00:00.000Z', 'Un.', '20241122T230000Z'],
          ['2024-11-22T23:00:00.000Z', 'Deux.', '20241122T230000Z-2'],
        ],
      ],
      ['one mapping instead of a list', ['corrections: { date: 23 novembre 2024, text: Un. }'], [['2024-11-22T23:00:00.000Z', 'Un.', '20241122T230000Z']]],
      ['an empty list', ['corrections: []'], []],
      ['no value', ['corrections:'], []],
    ])('reads %s', (_label, lines, expected) => {
      const result = md(...lines);
      expect({ notes: notesOf(result), diagnostics: result.diagnostics.map(formatDiagnostic) }).toEqual({ notes: expected, diagnostics: [] });
    });
  });

  describe('the article’s updated', () => {
    const updatedRows = casesOf('article/read-corrections', 'updated', 'string', 'strings', 'string');
    it.each(updatedRows)('is the latest of its date, its own updated and its notes: %s', (_label, lines, expected) => {
      expect(md(...lines).value?.updated.toISOString()).toBe(expected);
    });
  });

  describe('when a note is wrong', () => {
    it.each(casesOf('article/read-corrections', 'wrong notes', 'string', 'strings', 'strings'))('refuses the record for %s', (_label, lines, messages) => {
      const { value, diagnostics } = md(...lines);
      const found = diagnostics.map(formatDiagnostic);
      expect({ value, found: found.map((line, i) => line.slice(0, messages[i]?.length)) }).toEqual({ value: undefined, found: messages });
    });

    const warnedNotes = casesOf('article/read-corrections', 'warned notes', 'string', 'strings', 'string');

    it.each(warnedNotes)('publishes the note with a warning for %s', (_label, lines, message) => {
      const { value, diagnostics } = md(...lines);
      expect({ notes: value?.corrections.length, warnings: diagnostics.map((d) => formatDiagnostic(d).slice(0, message.length)) }).toEqual({
        notes: 1,
        warnings: [message],
      });
    });
  });

  it('names the line of the note in a JSON record too', () => {
    const text = JSON.stringify(
      {
        title: 'Maroc',
        date: '2024-11-22',
        corrections: [
          { date: '2024-11-23', text: 'Un.' },
          { date: '31/04/2025', text: 'Deux.' },
        ],
      },
      null,
      2,
    );
    const record = parseJson(text, { file: 'items/x.json', relPath: 'x' }).value!;
    expect(toArticle(record, config).diagnostics.map(formatDiagnostic)).toEqual([
      'items/x.json:10 corrections[2].date: "31/04/2025" is not a real date (avril 2025 has 30 days)',
    ]);
  });
});
