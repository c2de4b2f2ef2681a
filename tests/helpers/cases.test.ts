import { describe, expect, it } from 'vitest';
import { casesOf } from './cases.ts';

describe('casesOf', () => {
  it('gives the rows of the table without its comments', () => {
    expect(casesOf('helpers/cases', 'rows', 'string', 'number', 'boolean', 'string?', 'strings', 'json')).toEqual([
      ['a', 1, true, null, ['x'], { k: 1 }],
      ['b', -2.5, false, 'c', [], []],
    ]);
  });

  it('reads null as undefined in a string|undefined column', () => {
    const rows = casesOf('helpers/cases', 'rows', 'string', 'number', 'boolean', 'string|undefined', 'strings', 'json');
    expect(rows.map((row) => row[3])).toEqual([undefined, 'c']);
  });

  it('gives each call its own copy of the rows', () => {
    const [first] = casesOf('helpers/cases', 'rows', 'string', 'number', 'boolean', 'string?', 'strings', 'json');
    first![4].push('y');
    expect(casesOf('helpers/cases', 'rows', 'string', 'number', 'boolean', 'string?', 'strings', 'json')[0]![4]).toEqual(['x']);
  });

  it.each([
    ['a missing file', 'helpers/missing', 'rows', /^tests\/fixtures\/cases\/helpers\/missing\.json: ENOENT/],
    ['a file that is not JSON', 'helpers/broken', 'rows', /^tests\/fixtures\/cases\/helpers\/broken\.json: .*JSON/],
    ['a file that is not an object of tables', 'helpers/not-tables', 'rows', /helpers\/not-tables\.json: expected an object of tables$/],
    ['a missing table', 'helpers/cases', 'nowhere', /helpers\/cases\.json: no table "nowhere" \(an array of rows\)$/],
    ['a table that is not an array', 'helpers/cases', 'not a table', /helpers\/cases\.json: no table "not a table"/],
    ['a table with comments only', 'helpers/cases', 'comments only', /helpers\/cases\.json "comments only": the table has no rows$/],
    ['a value of another kind', 'helpers/cases', 'wrong kind', /helpers\/cases\.json "wrong kind" row 2 column 2: expected number, got "2"$/],
    ['a row of another width', 'helpers/cases', 'ragged', /helpers\/cases\.json "ragged" row 2: expected an array of 2 values, got \["b"\]$/],
  ])('throws naming the file, table, row and column for %s', (_label, file, table, message) => {
    expect(() => casesOf(file, table, 'string', 'number')).toThrow(message);
  });
});
