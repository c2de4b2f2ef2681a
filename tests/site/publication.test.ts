import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { createLifeCycle, decideRecords, findDuplicates } from '../../src/site/publication.ts';
import type { FileEntry } from '../../src/site/record-cache.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const a = makeArticle({ id: 'a', file: 'items/a.md' });
const sameId = makeArticle({ id: 'a', slug: 'autre', file: 'items/z.md' });
const sameSlug = makeArticle({ id: 'b', slug: a.slug, file: 'items/b.md' });
const draftSameSlug = makeArticle({ id: 'c', slug: a.slug, draft: true, file: 'items/c.md' });
const other = makeArticle({ id: 'd', file: 'items/d.md' });
const third = makeArticle({ id: 'a', slug: 'x', file: 'items/y.md' });

describe('findDuplicates', () => {
  it.each<[label: string, articles: (Article | undefined)[], rejected: Article[], codes: string[]]>([
    ['distinct ids and slugs pass', [a, other], [], []],
    ['the later of two files with one id is rejected', [a, sameId], [sameId], ['duplicate-id']],
    ['the later of two files with one slug is rejected', [a, sameSlug], [sameSlug], ['duplicate-slug']],
    ['a draft may share a slug (it has no page)', [a, draftSameSlug], [], []],
    ['every later file with a taken id is rejected, each on its own record', [a, sameId, third], [sameId, third], ['duplicate-id', 'duplicate-id']],
    ['invalid records (undefined) are skipped', [undefined, a, undefined], [], []],
  ])('%s', (_label, articles, rejected, codes) => {
    const found = findDuplicates(articles);
    expect([[...found.rejected], found.diagnostics.map((d) => d.code)]).toEqual([rejected, codes]);
  });

  it('names the other file and the field, on line 1', () => {
    expect(findDuplicates([a, sameSlug]).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: 'items/b.md', line: 1, field: 'slug', message: expect.stringContaining('items/a.md') }),
    ]);
  });
});

const diag = (file: string, code: string): Diagnostic => ({ severity: 'error', file, code, message: code, source: 'record' });
const entry = (file: string, article: Article | undefined, read: Diagnostic[] = [], made: Diagnostic[] = []): FileEntry => ({
  listed: { absolute: `/x/${file}`, name: file, relPath: file, format: 'md', size: 1, mtimeMs: 0 },
  readAt: 0,
  file,
  recordDiagnostics: read,
  article: article === undefined && made.length === 0 && read.length > 0 ? undefined : { value: article, diagnostics: made },
});

describe('decideRecords', () => {
  it.each<[label: string, entries: FileEntry[], lastGood: [string, Article][], published: Article[], kept: string[], codes: string[]]>([
    ['valid records are published in file order', [entry('items/a.md', a), entry('items/d.md', other)], [], [a, other], [], []],
    ['an unreadable record is not published, and says why', [entry('items/x.md', undefined, [diag('items/x.md', 'unreadable')])], [], [], [], ['unreadable']],
    [
      'a record the article stage rejects keeps its last good version, with a warning after the errors',
      [entry('items/a.md', undefined, [], [diag('items/a.md', 'bad-date')])],
      [['items/a.md', a]],
      [a],
      ['items/a.md'],
      ['bad-date', 'kept-last-good'],
    ],
    [
      'a duplicate is rejected after the records’ own findings',
      [entry('items/a.md', a), entry('items/z.md', sameId, [], [{ ...diag('items/z.md', 'note'), severity: 'warning' }])],
      [],
      [a],
      [],
      ['note', 'duplicate-id'],
    ],
  ])('%s', (_label, entries, lastGood, published, kept, codes) => {
    const decided = decideRecords(entries, new Map(lastGood));
    expect([decided.decision.articles, decided.decision.kept, decided.diagnostics.map((d) => d.code)]).toEqual([published, kept, codes]);
  });

  it('hands every valid article to the editor warnings, a rejected duplicate included', () => {
    expect(decideRecords([entry('items/a.md', a), entry('items/z.md', sameId)], new Map()).valid).toEqual([a, sameId]);
  });
});

describe('createLifeCycle without a ledger', () => {
  const now = new Date(Date.UTC(2024, 10, 22));
  const due = makeArticle({ id: 'due', date: new Date(now.getTime() - 1000) });
  const later = makeArticle({ id: 'later', date: new Date(now.getTime() + 3_600_000) });
  const life = (future: boolean) =>
    createLifeCycle({
      config: makeConfig(),
      itemsDir: '/nowhere',
      ledgerFile: 'items/.published.json',
      displayItems: 'items',
      ledgerMode: 'off',
      future,
      pages: true,
    });

  it.each<[label: string, future: boolean, published: Article[], scheduled: Article[], nextDue: Date | undefined]>([
    ['holds an article back until its date, and says when it is due', false, [due], [later], later.date],
    ['publishes it with --future, with nothing left to wait for', true, [due, later], [], undefined],
  ])('%s', async (_label, future, published, scheduled, nextDue) => {
    const step = await life(future).apply([due, later], now);
    expect([step.published, step.scheduled.map((s) => s.article), step.nextDue, step.redirects, step.diagnostics]).toEqual([
      published,
      scheduled,
      nextDue,
      [],
      [],
    ]);
  });
});
