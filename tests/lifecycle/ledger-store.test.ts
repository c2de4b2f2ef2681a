// The ledger on disk: the compacted `.published.json` plus the journal each build appends to (ledger-store.ts).
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { LEDGER_UNWRITABLE, saveLedger } from '../../src/lifecycle/ledger-access.ts';
import { FOLDING_FILE, JOURNAL_FILE, journalText } from '../../src/lifecycle/ledger-journal.ts';
import { LOCK_FILE } from '../../src/lifecycle/ledger-lock.ts';
import { MAX_JOURNAL_LINES, MIN_JOURNAL_BYTES, openLedgerStore, readLedger } from '../../src/lifecycle/ledger-store.ts';
import { LEDGER_FILE, parseLedger, serializeLedger, type Ledger, type LedgerEntry } from '../../src/lifecycle/ledger.ts';
import { bundleScript } from '../helpers/bundle.ts';
import { deadPid, sleeper } from '../helpers/processes.ts';
import { mountReadOnly, type ReadOnlyMount } from '../helpers/read-only-mount.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ledger/canonical.json');

function entry(id: string, hash = 'a', published = '2024-11-20T10:00:00Z'): LedgerEntry {
  return { id, guid: `tag:example.org,2024-01-01:${id}`, published: new Date(published), hash: hash.repeat(64), paths: [`/articles/${id}/`], aliases: [] };
}

function ledgerOf(...entries: LedgerEntry[]): Ledger {
  return new Map(entries.map((e) => [e.id, e]));
}

/** `ledger` with `changes` put over it (new objects, as applyLedger makes them). */
function withChanges(ledger: Ledger, ...changes: LedgerEntry[]): Ledger {
  const next = new Map(ledger);
  for (const change of changes) next.set(change.id, change);
  return next;
}

const file = (dir: string, name: string) => readFile(path.join(dir, name), 'utf8').catch(() => undefined);
const ids = (ledger: Ledger) => [...ledger.keys()].sort();

describe('reading the ledger: the compacted file, then the journal replayed', () => {
  const dir = useTempDir('gazette-ledger-store-');
  const compacted = serializeLedger(ledgerOf(entry('a'), entry('b')));

  it.each([
    ['a journal line replaces the compacted entry of its id', compacted, '', journalText([entry('a', 'c')]), { a: 'c', b: 'a' }],
    ['a later line wins over an earlier one', compacted, '', journalText([entry('a', 'c'), entry('a', 'd')]), { a: 'd', b: 'a' }],
    ['a journal without a compacted file is the whole ledger', undefined, '', journalText([entry('z', 'e')]), { z: 'e' }],
    ['a new id in the journal is added', compacted, '', journalText([entry('c', 'f')]), { a: 'a', b: 'a', c: 'f' }],
    [
      'the journal of a compaction that stopped half-way is replayed before the journal',
      compacted,
      journalText([entry('a', 'c'), entry('b', 'c')]),
      journalText([entry('a', 'd')]),
      { a: 'd', b: 'c' },
    ],
  ])('%s', async (_label, compactedText, folding, journal, expected) => {
    if (compactedText !== undefined) await writeFile(path.join(dir(), LEDGER_FILE), compactedText);
    if (folding !== '') await writeFile(path.join(dir(), FOLDING_FILE), folding);
    await writeFile(path.join(dir(), JOURNAL_FILE), journal);
    const { value, diagnostics } = await readLedger(dir(), 'items/.published.json');
    expect({ hashes: Object.fromEntries([...value].map(([id, e]) => [id, e.hash[0]])), diagnostics }).toEqual({ hashes: expected, diagnostics: [] });
  });

  it.each([
    [
      'a last line cut short by a stopped build',
      `${journalText([entry('a', 'c')])}{"id":"b","guid":"tag:exa`,
      'items/.published.journal:2 warning: line 2 is incomplete (a build stopped while writing it); ignored (only that change is lost)',
    ],
    [
      'a line that is not JSON (a merge conflict)',
      `<<<<<<< HEAD\n${journalText([entry('a', 'c')])}`,
      'items/.published.journal:1 warning: line 1 is not a ledger entry; ignored (only that change is lost)',
    ],
    [
      'an entry with a bad field',
      `${journalText([entry('a', 'c')])}{"id":"b","guid":"g","published":"hier","hash":"${'b'.repeat(64)}","paths":[]}\n`,
      'items/.published.journal:2 published: warning: entry "b": expected an RFC 3339 instant; entry ignored (only its history is lost)',
    ],
  ])('skips %s with one warning naming the journal and line, and keeps every other entry', async (_label, journal, message) => {
    await writeFile(path.join(dir(), LEDGER_FILE), compacted);
    await writeFile(path.join(dir(), JOURNAL_FILE), journal);
    const { value, diagnostics } = await readLedger(dir(), 'items/.published.json');
    expect({ a: value.get('a')?.hash[0], b: value.get('b')?.hash[0], diagnostics: diagnostics.map(formatDiagnostic) }).toEqual({
      a: 'c',
      b: 'a',
      diagnostics: [message],
    });
  });

  it('appends after a torn last line on a line of its own, so the next change is read whole', async () => {
    await writeFile(path.join(dir(), LEDGER_FILE), compacted);
    await writeFile(path.join(dir(), JOURNAL_FILE), '{"id":"a","gu');
    const store = openLedgerStore(dir());
    const { value } = await store.read();
    expect(await store.save(withChanges(value, entry('b', 'e')))).toBe('appended');
    const again = await readLedger(dir());
    expect([again.value.get('b')?.hash[0], again.diagnostics.map((d) => d.message)]).toEqual([
      'e',
      ['line 1 is not a ledger entry; ignored (only that change is lost)'],
    ]);
  });
});

describe('saving the ledger', () => {
  const dir = useTempDir('gazette-ledger-store-');
  const start = ledgerOf(entry('a'), entry('b'), entry('c'));

  it.each([
    ['nothing changed', (l: Ledger) => l, {}, 'unchanged', []],
    ['one entry changed', (l: Ledger) => withChanges(l, entry('b', 'e')), {}, 'appended', ['b']],
    ['one entry added', (l: Ledger) => withChanges(l, entry('d', 'e')), {}, 'appended', ['d']],
    ['an equal entry that is a new object (a rebuild that found it changed back)', (l: Ledger) => withChanges(l, entry('a')), {}, 'appended', ['a']],
  ] as const)('when %s, appends only that to the journal and leaves the compacted file as it was', async (_label, change, options, write, journalIds) => {
    await writeFile(path.join(dir(), LEDGER_FILE), serializeLedger(start));
    const store = openLedgerStore(dir());
    const next = change((await store.read()).value);
    const result = await store.save(next, options);
    const journal = (await file(dir(), JOURNAL_FILE)) ?? '';
    expect({
      result,
      compacted: await file(dir(), LEDGER_FILE),
      journal: journal
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).id),
      read: serializeLedger((await readLedger(dir())).value),
    }).toEqual({ result: write, compacted: serializeLedger(start), journal: journalIds, read: serializeLedger(next) });
  });

  const lineBytes = journalText([entry('b', 'e')]).length;
  // Enough entries that the compacted file (≈ 200 bytes an entry) outweighs 1,000 journal lines (≈ 190 bytes a line):
  // else the bytes bound compacts first, and `appended` below says so.
  const many = Array.from({ length: 1_200 }, (_, n) => entry(`x${n}`));
  it.each([
    ['a static build asks it (compact)', start, 1, { compact: true }],
    [`the journal outgrows ${MAX_JOURNAL_LINES} lines (a compacted file longer than that)`, withChanges(start, ...many), MAX_JOURNAL_LINES + 1, {}],
    [`the journal outgrows ${MIN_JOURNAL_BYTES} bytes (a small compacted file)`, start, Math.floor(MIN_JOURNAL_BYTES / lineBytes) + 1, {}],
  ])('compacts when %s: the whole ledger in the compacted file, no journal, no lock, no leftover', async (_label, first, edits, options) => {
    await writeFile(path.join(dir(), LEDGER_FILE), serializeLedger(first));
    const store = openLedgerStore(dir());
    let ledger = (await store.read()).value;
    const results: string[] = [];
    for (let n = 0; n < edits; n += 1) {
      ledger = withChanges(ledger, entry('b', n % 2 === 0 ? 'e' : 'f'));
      results.push(await store.save(ledger, options));
    }
    expect({ last: results.at(-1), appended: results.filter((r) => r === 'appended').length, files: (await readdir(dir())).sort() }).toEqual({
      last: 'compacted',
      appended: edits - 1,
      files: [LEDGER_FILE],
    });
    expect(await file(dir(), LEDGER_FILE)).toBe(serializeLedger(ledger));
  });

  it.each([
    ['cut short (a copy that stopped half-way)', 'truncated.json'],
    ['reformatted by an editor', 'reformatted.json'],
    ['two lines for one id (a merge=union git merge)', 'union-merge.json'],
  ])('a static build rewrites a compacted file %s in the canonical form, with nothing changed', async (_label, name) => {
    await writeFile(path.join(dir(), LEDGER_FILE), await readFile(path.join(path.dirname(FIXTURE), name), 'utf8'));
    const store = openLedgerStore(dir());
    const read = (await store.read()).value;
    expect([await store.save(read), await store.save(read, { compact: true }), await file(dir(), LEDGER_FILE)]).toEqual([
      'unchanged',
      'compacted',
      serializeLedger(read),
    ]);
  });

  it('a static build with nothing changed rewrites nothing, and folds a journal left by a live site', async () => {
    await writeFile(path.join(dir(), LEDGER_FILE), serializeLedger(start));
    const unchanged = openLedgerStore(dir());
    expect(await unchanged.save((await unchanged.read()).value, { compact: true })).toBe('unchanged');
    await writeFile(path.join(dir(), JOURNAL_FILE), journalText([entry('c', 'e')]));
    const folding = openLedgerStore(dir());
    const read = (await folding.read()).value;
    expect([await folding.save(read, { compact: true }), await readdir(dir()), await file(dir(), LEDGER_FILE)]).toEqual([
      'compacted',
      [LEDGER_FILE],
      serializeLedger(withChanges(start, entry('c', 'e'))),
    ]);
  });

  it('a compaction folds a journal left by a compaction that stopped half-way, and loses nothing of it', async () => {
    await writeFile(path.join(dir(), LEDGER_FILE), serializeLedger(start));
    await writeFile(path.join(dir(), FOLDING_FILE), journalText([entry('a', 'e')]));
    await writeFile(path.join(dir(), JOURNAL_FILE), journalText([entry('b', 'e')]));
    const store = openLedgerStore(dir());
    const ledger = withChanges((await store.read()).value, entry('c', 'e'));
    expect(await store.save(ledger, { compact: true })).toBe('compacted');
    expect([await readdir(dir()), await file(dir(), LEDGER_FILE)]).toEqual([[LEDGER_FILE], serializeLedger(ledger)]);
  });
});

describe('a ledger written by an older Gazette (one compacted file, no journal)', () => {
  const dir = useTempDir('gazette-ledger-store-');

  it('reads as it did, is appended to without being rewritten, and compacts to the same format', async () => {
    const old = await readFile(FIXTURE, 'utf8');
    await writeFile(path.join(dir(), LEDGER_FILE), old);
    const store = openLedgerStore(dir(), 'items/.published.json');
    const read = await store.read();
    const edited = withChanges(read.value, entry('nouveau', 'e'));
    const appended = await store.save(edited);
    const afterAppend = await file(dir(), LEDGER_FILE);
    const compacted = await store.save(edited, { compact: true });
    const text = (await file(dir(), LEDGER_FILE)) ?? '';
    expect({
      read: [serializeLedger(read.value), read.diagnostics],
      appended,
      afterAppend,
      compacted,
      header: text.split('\n')[0],
      rereadByTheOldParser: serializeLedger(parseLedger(text, 'x').value),
    }).toEqual({
      read: [serializeLedger(parseLedger(old, 'x').value), []],
      appended: 'appended',
      afterAppend: old,
      compacted: 'compacted',
      header: old.split('\n')[0],
      rereadByTheOldParser: serializeLedger(edited),
    });
  });
});

describe('several writers of one items folder', () => {
  const dir = useTempDir('gazette-ledger-store-');

  it('a compaction keeps what another writer appended since this one read', async () => {
    await writeFile(path.join(dir(), LEDGER_FILE), serializeLedger(ledgerOf(entry('a'))));
    const [one, two] = [openLedgerStore(dir()), openLedgerStore(dir())];
    const [fromOne, fromTwo] = [(await one.read()).value, (await two.read()).value];
    expect(await two.save(withChanges(fromTwo, entry('b', 'e')))).toBe('appended');
    expect(await one.save(withChanges(fromOne, entry('c', 'e')), { compact: true })).toBe('compacted');
    expect([ids((await readLedger(dir())).value), await readdir(dir())]).toEqual([['a', 'b', 'c'], [LEDGER_FILE]]);
  });

  it.each([
    ['a live process', async () => ({ pid: sleeper(), compacted: false })],
    ['a process that has exited (a crash mid-compaction)', async () => ({ pid: await deadPid(), compacted: true })],
  ])('finding the compaction lock held by %s, compacts only when that process is gone', async (_label, holder) => {
    const { pid, compacted } = await holder();
    const child = typeof pid === 'number' ? undefined : pid;
    try {
      await writeFile(path.join(dir(), LOCK_FILE), `${child?.pid ?? pid}\n`);
      const store = openLedgerStore(dir());
      const ledger = withChanges((await store.read()).value, entry('a', 'e'));
      expect([await store.save(ledger, { compact: true }), (await readdir(dir())).includes(JOURNAL_FILE)]).toEqual([
        compacted ? 'compacted' : 'appended',
        !compacted,
      ]);
      expect(serializeLedger((await readLedger(dir())).value)).toBe(serializeLedger(ledger));
    } finally {
      child?.kill();
    }
  });

  it('four processes appending and compacting at once lose no entry', async () => {
    const script = [
      "import { openLedgerStore } from './src/lifecycle/ledger-store.ts';",
      'const [dir, who] = process.argv.slice(-2);',
      'const store = openLedgerStore(dir);',
      'let ledger = (await store.read()).value;',
      // Each says it is ready, then waits for the word to go: the four write at once, not each as it has started.
      "process.stdout.write('ready\\n');",
      "await new Promise((resolve) => process.stdin.once('data', resolve));",
      'for (let n = 0; n < 40; n += 1) {',
      '  const id = who + "-" + n;',
      "  const entry = { id, guid: id, published: new Date(0), hash: 'a'.repeat(64), paths: [], aliases: [] };",
      '  ledger = new Map(ledger).set(id, entry);',
      '  await store.save(ledger, { compact: n % 7 === 6 });',
      '}',
    ].join('\n');
    // One bundle of the script and its sources (tests/helpers/bundle.ts): four writers start at once on two cores.
    const bundled = await bundleScript({ contents: script });
    const writers = ['p', 'q', 'r', 's'].map((who) => run(process.execPath, ['--input-type=module', '-e', bundled, dir(), who]));
    await Promise.all(writers.map(({ child }) => new Promise((resolve) => child.stdout?.once('data', resolve))));
    for (const { child } of writers) child.stdin?.end('go\n');
    await Promise.all(writers);
    const { value, diagnostics } = await readLedger(dir());
    expect({ size: value.size, diagnostics, lock: (await readdir(dir())).includes(LOCK_FILE) }).toEqual({ size: 160, diagnostics: [], lock: false });
  }, 60_000);
});

describe('a read-only items folder (read-only bind mount)', () => {
  const root = useTempDir('gazette-ledger-ro-', 'all');
  let mount: ReadOnlyMount | string;
  const start = ledgerOf(entry('a'), entry('b'));
  beforeAll(async () => {
    await mkdir(path.join(root(), 'rw'));
    await writeFile(path.join(root(), 'rw', LEDGER_FILE), serializeLedger(start));
    await writeFile(path.join(root(), 'rw', JOURNAL_FILE), journalText([entry('b', 'e')]));
    mount = await mountReadOnly(path.join(root(), 'rw'), path.join(root(), 'ro'));
    if (typeof mount === 'string') console.warn(`skipping the read-only folder tests: ${mount}`);
  });
  afterAll(async () => {
    if (typeof mount !== 'string') await mount.unmount();
  });

  it.for([
    ['an append (a live edit)', {}],
    ['a compaction (a static build)', { compact: true }],
  ] as const)('reads the ledger with its journal, and %s is one warning that changes no file', async ([, options], context) => {
    if (typeof mount === 'string') return context.skip();
    const dir = path.join(root(), 'ro');
    const store = openLedgerStore(dir);
    const read = await store.read();
    const diagnostics = await saveLedger(store, withChanges(read.value, entry('c', 'f')), 'ro', options);
    expect({
      read: read.value.get('b')?.hash[0],
      warnings: diagnostics.map((d) => [d.code, /EROFS/.test(d.message)]),
      files: (await readdir(dir)).sort(),
    }).toEqual({ read: 'e', warnings: [[LEDGER_UNWRITABLE, true]], files: [JOURNAL_FILE, LEDGER_FILE] });
  });

  it('writes the changes a read-only folder refused at the next save, once it is writable again', async (context) => {
    if (typeof mount === 'string') return context.skip();
    const dir = path.join(root(), 'ro');
    const store = openLedgerStore(dir);
    const ledger = withChanges((await store.read()).value, entry('c', 'f'));
    const refused = await saveLedger(store, ledger, 'ro');
    await run('mount', ['-o', 'remount,rw,bind', dir]);
    try {
      expect([refused.map((d) => d.code), await store.save(ledger), ids((await readLedger(dir)).value)]).toEqual([
        [LEDGER_UNWRITABLE],
        'appended',
        ['a', 'b', 'c'],
      ]);
    } finally {
      await run('mount', ['-o', 'remount,ro,bind', dir]);
    }
  });
});
