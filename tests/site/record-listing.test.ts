import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles, type RecordFile } from '../../src/records/read-items.ts';
import { createRecordListing } from '../../src/site/record-listing.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

type Change = { write: string } | { remove: string };
type Row = [label: string, changes: Change[]];

const names = (files: readonly RecordFile[]) => files.map((f) => f.name);

describe('createRecordListing', () => {
  const root = useTempDir('gazette-listing-');

  // The invariant a watcher's hint must keep: the listing it gives is the one a walk of the folder gives now.
  it.each<Row>([
    ['an edited record keeps its place', [{ write: 'b.md' }]],
    ['a new record takes its place in walk order', [{ write: 'ab.md' }]],
    ['a new record in a new folder is listed', [{ write: 'z/c.md' }]],
    ['a deleted record leaves the listing', [{ remove: 'b.md' }]],
    ['a file that is not a record changes nothing', [{ write: '.hidden.md' }, { write: 'notes.png' }, { write: '_draft.md' }]],
    ['a new file whose id another record has is settled as a walk settles it', [{ write: 'a.txt' }]],
    ['a rename is a removal and an addition', [{ remove: 'a.md' }, { write: 'y.md' }]],
    ['a file deleted and written again is listed once', [{ remove: 'b.md' }, { write: 'b.md' }]],
  ])('with a hint, %s (the same files and findings as a walk)', async (_label, changes) => {
    const dir = root();
    await writeFile(path.join(dir, 'a.md'), 'a');
    await writeFile(path.join(dir, 'b.md'), 'b');
    const listing = createRecordListing(dir, 'items');
    await listing.list(undefined);
    for (const change of changes) {
      const file = path.join(dir, 'write' in change ? change.write : change.remove);
      if ('write' in change) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, 'changed');
      } else await rm(file);
    }
    const hinted = await listing.list({ changed: changes.map((c) => path.join(dir, 'write' in c ? c.write : c.remove)) });
    const walked = await listRecordFiles(dir, { displayDir: 'items' });
    expect([names(hinted.value), hinted.diagnostics.map((d) => d.code)]).toEqual([names(walked.value), walked.diagnostics.map((d) => d.code)]);
    // The hinted files are those stat says now (size included): an edit is seen by the record cache.
    expect(hinted.value.map((f) => f.size)).toEqual(walked.value.map((f) => f.size));
  });

  it('walks again after a walk found two records with one id (only a walk can tell which one owns it)', async () => {
    const dir = root();
    await writeFile(path.join(dir, 'a.md'), 'a');
    await writeFile(path.join(dir, 'a.json'), '{}');
    const listing = createRecordListing(dir, 'items');
    expect((await listing.list(undefined)).diagnostics.map((d) => d.code)).toEqual(['duplicate-id']);
    await rm(path.join(dir, 'a.json'));
    // The hint names only a file that is no record: a listing that trusted the hint would keep the removed file.
    const next = await listing.list({ changed: [path.join(dir, 'notes.png')] });
    expect([names(next.value), next.diagnostics]).toEqual([['a.md'], []]);
  });
});
