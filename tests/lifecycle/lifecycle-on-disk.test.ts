// The life of an article on real files: records read and validated as a build does, the ledger read from and
// written to the items folder between builds (each build is a fresh start, as after a restart).
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { toArticle } from '../../src/article/to-article.ts';
import { applyLifecycle, type LifecycleResult } from '../../src/lifecycle/apply-lifecycle.ts';
import { LEDGER_FILE, writeLedger } from '../../src/lifecycle/ledger.ts';
import { readLedger } from '../../src/lifecycle/ledger-store.ts';
import { readItems } from '../../src/records/read-items.ts';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const config = makeConfig();
const root = useTempDir('gazette-life-');
let items: string;

beforeEach(async () => {
  items = path.join(root(), 'items');
  await mkdir(items);
});

/** One build from scratch: read the records and the ledger, apply the life cycle, write the ledger back. */
async function build(now: string, options: { future?: boolean } = {}): Promise<LifecycleResult & { visible: Article[] }> {
  const { value: records } = await readItems(items, { vocabulary: [] });
  const articles = records.flatMap((record) => toArticle(record, config).value ?? []);
  const ledger = await readLedger(items, 'items/.published.json');
  expect(ledger.diagnostics).toEqual([]);
  const result = applyLifecycle({
    articles,
    ledger: ledger.value,
    now: new Date(now),
    future: options.future ?? false,
    pages: true,
    file: 'items/.published.json',
  });
  if (!options.future) await writeLedger(items, result.ledger);
  return { ...result, visible: result.articles.filter((a) => !a.draft) };
}

async function record(file: string, fields: Record<string, string>, body = 'Le texte.') {
  const front = Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  await writeRecord(path.join(items, file), ['---', ...front, '---', '', body, ''].join('\n'));
}

const summary = (a: Article) => ({ id: a.id, guid: a.guid, link: a.link, date: a.date.toISOString(), updated: a.updated.toISOString() });

describe('the life of an article on disk', () => {
  it('a title edit redirects the old address, also after a restart', async () => {
    await record('budget.md', { title: 'Le budget est voté', date: '2024-11-20T10:00:00Z' });
    await build('2024-11-20T12:00:00Z');
    await record('budget.md', { title: 'Le budget 2025 est voté', date: '2024-11-20T10:00:00Z' });
    const edited = await build('2024-11-21T12:00:00Z');
    expect(edited.redirects).toEqual([{ from: '/articles/le-budget-est-vote/', to: '/articles/le-budget-2025-est-vote/' }]);
    expect(edited.diagnostics.map((d) => d.code)).toEqual(['url-changed']);
    const restarted = await build('2024-11-22T12:00:00Z');
    expect(restarted.redirects).toEqual(edited.redirects);
    expect(summary(restarted.visible[0]!)).toEqual(summary(edited.visible[0]!));
  });

  it('a move into a sub-folder keeps the guid', async () => {
    await record('rugby.md', { title: 'Le XV de France', date: '2024-11-20T10:00:00Z' });
    const before = await build('2024-11-20T12:00:00Z');
    await mkdir(path.join(items, '2024/11'), { recursive: true });
    await rename(path.join(items, 'rugby.md'), path.join(items, '2024/11/rugby.md'));
    const after = await build('2024-11-21T12:00:00Z');
    expect(after.visible.map(summary)).toEqual(before.visible.map(summary));
    expect(after.visible[0]!.guid).toBe('tag:example.org,2024-01-01:rugby');
  });

  it('a record scheduled a few seconds ahead is absent, then present without a file change', async () => {
    await record('embargo.md', { title: 'Sous embargo', date: '2024-11-20T12:00:05Z' });
    const early = await build('2024-11-20T12:00:00Z');
    expect(early.visible).toEqual([]);
    expect(early.nextDue).toEqual(new Date('2024-11-20T12:00:05Z'));
    expect(early.scheduled.map((s) => s.article.id)).toEqual(['embargo']);
    const due = await build('2024-11-20T12:00:05Z');
    expect(due.visible.map((a) => a.id)).toEqual(['embargo']);
    expect(due.nextDue).toBeUndefined();
  });

  it('a preview publishes a scheduled record without recording it', async () => {
    await record('embargo.md', { title: 'Sous embargo', date: '2030-01-01T00:00:00Z' });
    const preview = await build('2024-11-20T12:00:00Z', { future: true });
    expect(preview.visible.map((a) => a.id)).toEqual(['embargo']);
    expect(preview.ledger.size).toBe(0);
  });

  it('a correction gets a new updated, and a rebuild gives the same bytes', async () => {
    await record('greve.md', { title: 'Grève jeudi', date: '2024-11-20T10:00:00Z' });
    await build('2024-11-20T12:00:00Z');
    await record('greve.md', { title: 'Grève jeudi', date: '2024-11-20T10:00:00Z' }, 'Le texte, corrigé.');
    const corrected = await build('2024-11-21T08:30:00.250Z');
    const ledgerBytes = await readFile(path.join(items, LEDGER_FILE), 'utf8');
    const rebuilt = await build('2024-11-22T08:00:00Z');
    expect(summary(corrected.visible[0]!)).toMatchObject({ date: '2024-11-20T10:00:00.000Z', updated: '2024-11-21T08:30:00.000Z' });
    expect(rebuilt.visible.map(summary)).toEqual(corrected.visible.map(summary));
    expect(await readFile(path.join(items, LEDGER_FILE), 'utf8')).toBe(ledgerBytes);
  });

  it('deleting the ledger loses no current article', async () => {
    await record('a.md', { title: 'Premier', date: '2024-11-20T10:00:00Z' });
    await record('2024/b.md', { title: 'Second', date: '2024-11-20T11:00:00Z', id: 'second' });
    const before = await build('2024-11-20T12:00:00Z');
    await rm(path.join(items, LEDGER_FILE));
    const after = await build('2024-11-21T12:00:00Z');
    expect(after.visible.map(summary)).toEqual(before.visible.map(summary));
    expect(after.diagnostics).toEqual([]);
  });
});
