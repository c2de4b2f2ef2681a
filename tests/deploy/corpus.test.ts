// deploy: the seeded bench corpus the deploy suite and bench/ build — deterministic, all three formats, editable.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editRecordText, writeCorpus, type Corpus } from '../../bench/corpus.ts';

const written: Corpus[] = [];
afterAll(() => Promise.all(written.map((c) => rm(c.root, { recursive: true, force: true }))));

async function corpus(size: number, seed: number): Promise<Corpus> {
  const c = await writeCorpus({ size, seed });
  written.push(c);
  return c;
}

async function contents(c: Corpus): Promise<string[]> {
  return Promise.all([...c.files, '../feed.config.mjs'].map((f) => readFile(path.join(c.itemsDir, f), 'utf8')));
}

describe('writeCorpus', () => {
  it('writes the same files, byte for byte, for the same seed and size', async () => {
    const [a, b] = await Promise.all([corpus(30, 4), corpus(30, 4)]);
    expect(a.files).toEqual(b.files);
    expect(await contents(a)).toEqual(await contents(b));
  });

  it('writes other articles for another seed', async () => {
    const [a, b] = await Promise.all([corpus(10, 4), corpus(10, 5)]);
    expect(a.files).not.toEqual(b.files);
  });

  it('writes Markdown, JSON and dispatches 8 : 1 : 1, each about 5.5 KB, with 1 to 3 categories', async () => {
    const c = await corpus(50, 2);
    const count = (format: string) => c.records.filter((r) => r.format === format).length;
    expect([count('md'), count('json'), count('txt')]).toEqual([40, 5, 5]);
    const sizes = await Promise.all(c.files.map(async (f) => Buffer.byteLength(await readFile(path.join(c.itemsDir, f)))));
    expect([sizes.length, sizes.every((bytes) => bytes > 4500 && bytes < 7000)]).toEqual([50, true]);
    expect(c.records.every((r) => r.categories.length >= 1 && r.categories.length <= 3)).toBe(true);
  });

  it('lays dispatches out like the seed file: French date, run-together categories, blank line, title', async () => {
    const c = await corpus(10, 2);
    const dispatch = c.records.find((r) => r.format === 'txt')!;
    const lines = (await readFile(path.join(c.itemsDir, dispatch.file), 'utf8')).split('\n');
    expect(lines[0]).toMatch(/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche), [a-zéû]+ \d{1,2}, 20\d\d$/);
    expect(lines[1]).toMatch(/^(\p{Lu}[\p{Ll}]+)+$/u);
    expect([lines[2], lines[3], lines[4]]).toEqual(['', dispatch.title, '']);
  });
});

describe('editRecordText', () => {
  it.each(['md', 'json', 'txt'] as const)('marks the title of a %s record, replacing the mark of an earlier round', async (format) => {
    const c = await corpus(10, 2);
    const record = c.records.find((r) => r.format === format)!;
    const text = await readFile(path.join(c.itemsDir, record.file), 'utf8');
    const once = editRecordText(record.file, text, 1);
    const twice = editRecordText(record.file, once, 2);
    expect(once).toContain(`[Correction 1] ${record.title}`);
    expect(twice).toContain(`[Correction 2] ${record.title}`);
    expect(twice).not.toContain('[Correction 1]');
  });
});
