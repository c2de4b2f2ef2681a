import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/article/to-article.ts';
import { makeRecord, OMIT } from '../article/make-record.ts';
import { makeConfig } from '../helpers/factories.ts';

const config = makeConfig();

// The ledger never gives a record that names its own id another one, nor moves an `updated` the record wrote.
describe('toArticle › what the record wrote itself', () => {
  it.each([
    // [fields, idFromRecord, updatedFromRecord]
    [{}, false, false],
    [{ id: 'rugby' }, true, false],
    [{ id: '  ' }, false, false],
    [{ updated: '23 novembre 2024 à 10 h' }, false, true],
    [{ updated: null }, false, false],
    // An `updated` before the date is dropped with a warning: the article has no `updated` of its own.
    [{ updated: '1er novembre 2024' }, false, false],
    [{ id: 'rugby', updated: '2024-11-23T10:00:00+01:00' }, true, true],
    [{ id: OMIT, updated: OMIT }, false, false],
  ])('%j → idFromRecord %s, updatedFromRecord %s', (fields, idFromRecord, updatedFromRecord) => {
    const { value } = toArticle(makeRecord(fields), config);
    expect(value && { idFromRecord: value.idFromRecord, updatedFromRecord: value.updatedFromRecord }).toEqual({ idFromRecord, updatedFromRecord });
  });
});
