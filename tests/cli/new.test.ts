// `gazette new` in-process: the record it writes names its own id and slug, so title edits and moves keep both.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toArticle } from '../../src/article/to-article.ts';
import { runNew } from '../../src/cli/commands/new.ts';
import { loadCommandConfig } from '../../src/cli/commands/load.ts';
import { serializeLedger, type LedgerEntry } from '../../src/lifecycle/ledger.ts';
import { readItems } from '../../src/records/read-items.ts';
import { agePath, writeRecord } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const TITLE = 'L’été à Marseille : « canicule » record';
const SLUG = 'l-ete-a-marseille-canicule-record';

const root = useTempDir('gazette-new-');
let items: string;
let output: string[];
beforeEach(async () => {
  items = path.join(root(), 'items');
  output = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
});

/** Every record of the folder through the real reader and validator: id, guid, slug and link of each. */
async function published() {
  const config = await loadCommandConfig({ items });
  const { value: records } = await readItems(items, { vocabulary: [] });
  return records.map((record) => {
    const { value } = toArticle(record, config);
    return value && { file: record.relPath, id: value.id, guid: value.guid, slug: value.slug, link: value.link, idFromRecord: value.idFromRecord };
  });
}

describe('gazette new', () => {
  describe('when the title is new', () => {
    it.each([
      // [now, id]: the month is the site's (Europe/Paris), not UTC's.
      ['2024-11-22T10:00:00Z', `2024/11/${SLUG}`],
      ['2024-11-30T23:30:00Z', `2024/12/${SLUG}`],
      ['2025-01-01T00:00:00+01:00', `2025/01/${SLUG}`],
    ])('at %s writes id %s and the slug into the front matter', async (now, id) => {
      expect(await runNew({ title: TITLE, items, now: new Date(now) })).toBe(0);
      const text = await readFile(path.join(items, `${SLUG}.md`), 'utf8');
      expect(text.split('\n').slice(0, 4)).toEqual(['---', `title: ${JSON.stringify(TITLE)}`, `id: "${id}"`, `slug: "${SLUG}"`]);
      expect(output.join('')).toContain(`draft created with id "${id}"`);
    });
  });

  describe('when the record is edited or moved later', () => {
    it.each([
      ['a retitle', async (file: string) => void (await writeRecord(file, (await readFile(file, 'utf8')).replace(TITLE, 'Canicule à Marseille : un record')))],
      [
        'a move into a sub-folder',
        async (file: string) => {
          await mkdir(path.join(items, '2024/11'), { recursive: true });
          await rename(file, path.join(items, '2024/11/canicule.md'));
        },
      ],
    ])('%s changes neither the guid nor the link', async (_, change) => {
      await runNew({ title: TITLE, items, now: new Date('2024-11-22T10:00:00Z') });
      await agePath(path.join(items, `${SLUG}.md`)); // saved long ago: read at once
      const before = (await published())[0]!;
      await change(path.join(items, `${SLUG}.md`));
      const after = (await published())[0]!;
      expect({ ...after, file: undefined }).toEqual({ ...before, file: undefined });
      expect(before).toMatchObject({
        id: `2024/11/${SLUG}`,
        guid: `tag:gazette.example.org,2024-01-01:2024/11/${SLUG}`,
        slug: SLUG,
        idFromRecord: true,
        link: `https://gazette.example.org/articles/${SLUG}/`,
      });
    });
  });

  describe('when the id is already taken', () => {
    const entry = (id: string, aliases: string[] = []): LedgerEntry => ({
      id,
      guid: `tag:x,2024:${id}`,
      published: new Date('2024-11-01T00:00:00Z'),
      hash: 'a'.repeat(64),
      paths: [],
      aliases,
    });

    it.each([
      ['by a published article in the ledger', [entry(`2024/11/${SLUG}`)], [], `2024/11/${SLUG}-2`],
      ['by the old path of a moved file', [entry('ailleurs', [`2024/11/${SLUG}`])], [], `2024/11/${SLUG}-2`],
      ['by a record file named after it', [], [`2024/11/${SLUG}.json`], `2024/11/${SLUG}-2`],
      ['twice', [entry(`2024/11/${SLUG}`)], [`2024/11/${SLUG}-2.txt`], `2024/11/${SLUG}-3`],
    ])('%s, writes the next free one', async (_, entries, files, id) => {
      await mkdir(path.join(items, '2024/11'), { recursive: true });
      await writeFile(path.join(items, '.published.json'), serializeLedger(new Map(entries.map((e) => [e.id, e]))));
      for (const file of files) await writeFile(path.join(items, file), '{}');
      expect(await runNew({ title: TITLE, items, now: new Date('2024-11-22T10:00:00Z') })).toBe(0);
      expect(await readFile(path.join(items, `${SLUG}.md`), 'utf8')).toContain(`id: "${id}"\n`);
    });
  });

  describe('when the file already exists', () => {
    it('refuses and leaves it as it was', async () => {
      await runNew({ title: TITLE, items, now: new Date('2024-11-22T10:00:00Z') });
      const file = path.join(items, `${SLUG}.md`);
      await writeFile(file, 'mon texte');
      expect(await runNew({ title: TITLE, items })).toBe(1);
      expect(await readFile(file, 'utf8')).toBe('mon texte');
      expect(output.join('')).toContain('already exists');
    });
  });
});
