import { describe, expect, it } from 'vitest';
import { createFieldReader } from '../../../src/article/_lib/field-reader.ts';
import type { RawRecord } from '../../../src/records/raw-record.ts';
import { makeRecord } from '../make-record.ts';

/** A record with exactly these fields (line 2, 3, … in order), in `items/x.md`. */
const recordOf = (fields: Record<string, unknown>): RawRecord => makeRecord(fields, { defaults: false, file: 'items/x.md' });

describe('createFieldReader', () => {
  describe('value', () => {
    it.each([
      // written, what the reader gives
      ['texte', 'texte'],
      [42, 42],
      [false, false],
      [['a'], ['a']],
      // null and blank text are "not given": YAML writes `updated:` with nothing after it
      [null, undefined],
      ['', undefined],
      [' \t\n', undefined],
    ])('reads %j as %j', (written, expected) => {
      expect(createFieldReader(recordOf({ summary: written })).value('summary')).toEqual(expected);
    });

    it('reads a field left out as undefined', () => {
      expect(createFieldReader(recordOf({})).value('summary')).toBeUndefined();
    });
  });

  describe('text', () => {
    it.each([
      // written, the text read
      ['  Un\u0001 titre\n\tsur  deux lignes ', 'Un titre sur deux lignes'],
      ['Cafe\u0301', 'Café'],
      [1984, '1984'],
      [null, undefined],
      ['   ', undefined],
    ])('reads %j as %j without a finding', (written, expected) => {
      const fields = createFieldReader(recordOf({ title: written }));
      expect([fields.text('title'), fields.diagnostics]).toEqual([expected, []]);
    });

    it.each([
      [['a', 'b'], 'expected text, got a list'],
      [true, 'expected text, got true'],
      [Number.NaN, 'expected text, got the number NaN'],
      [{ fr: 'x' }, 'expected text, got an object'],
    ])('refuses %j with one error naming the file, line and field', (written, message) => {
      const fields = createFieldReader(recordOf({ date: '22 novembre 2024', title: written }));
      expect([fields.text('title'), fields.diagnostics]).toEqual([
        undefined,
        [{ severity: 'error', file: 'items/x.md', line: 3, field: 'title', code: 'wrong-type', message }],
      ]);
    });
  });

  describe('report', () => {
    it.each([
      // how the field is written, the line reported
      ['at line 4', { a: 1, b: 2, title: 'x' }, 4],
      // a field left out is reported where the record opens
      ['left out', {}, 1],
    ])('reports a field %s at line %j', (_, written, line) => {
      const fields = createFieldReader(recordOf(written));
      fields.report('warning', 'title', 'some-code', 'a message');
      expect(fields.diagnostics).toEqual([{ severity: 'warning', file: 'items/x.md', line, field: 'title', code: 'some-code', message: 'a message' }]);
    });

    it('gives no line when the loader knew none', () => {
      const record: RawRecord = { ...recordOf({}), fields: { title: { value: 'x', line: undefined } } };
      const fields = createFieldReader(record);
      fields.report('error', 'title', 'some-code', 'a message');
      expect(fields.diagnostics).toEqual([{ severity: 'error', file: 'items/x.md', field: 'title', code: 'some-code', message: 'a message' }]);
    });

    it('binds a reporter to one field', () => {
      const fields = createFieldReader(recordOf({ author: 42 }));
      fields.reporter('author')('error', 'wrong-type', 'a message');
      expect(fields.diagnostics.map((d) => [d.field, d.line, d.code])).toEqual([['author', 2, 'wrong-type']]);
    });
  });

  describe('hasErrors', () => {
    it.each([
      // findings reported, whether one is an error
      [[], false],
      [['warning'], false],
      [['warning', 'error'], true],
    ] as const)('after %j is %j', (severities, expected) => {
      const fields = createFieldReader(recordOf({}));
      for (const severity of severities) fields.report(severity, 'title', 'some-code', 'a message');
      expect([fields.diagnostics.length, fields.hasErrors()]).toEqual([severities.length, expected]);
    });
  });

  describe('when the record is read', () => {
    it('never changes it', () => {
      const record = recordOf({ title: '  x  ', summary: null });
      const before = structuredClone(record);
      const fields = createFieldReader(record);
      fields.text('title');
      fields.value('summary');
      fields.report('warning', 'title', 'some-code', 'a message');
      expect(record).toEqual(before);
    });
  });
});
