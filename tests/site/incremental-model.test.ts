// A model test of the incremental builder: over random sequences of edits to an items folder, after every step the
// incremental build gives what a fresh builder's cold build of the same folder gives — documents (bytes and
// Last-Modified), diagnostics, the schedule and the ledger. Folders receive the same edits with the same mtimes: each
// incremental builder reads one, a fresh builder another, as each writes its own ledger.
import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, type ExpectStatic, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';

import type { FeedSnapshot } from '../../src/publish/feed-snapshot.ts';
import { createRebuildEngine, type BuildReply, type RebuildEngine } from '../../src/site/rebuild-engine.ts';
import { createSiteBuilder, type SiteBuild } from '../../src/site/site-builder.ts';
import { applySnapshotDelta } from '../../src/site/snapshot-delta.ts';
import { makeConfig } from '../helpers/factories.ts';
import { ledgerText } from '../helpers/ledger-text.ts';
import { checkAsyncProperty } from '../helpers/property.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const config = makeConfig();
const KINDS = ['create', 'edit', 'break', 'fix', 'rename', 'move', 'delete', 'schedule'] as const;
type Kind = (typeof KINDS)[number];
/** One step: an edit of kind `kind` to the record of slot `slot`; `n` varies its content. */
interface Op {
  readonly kind: Kind;
  readonly slot: number;
  readonly n: number;
}
// Three slots: short random sequences then often act on a record that exists (an edit, a fix of a broken one).
const SLOTS = 3;
const op = fc.record({ kind: fc.constantFrom(...KINDS), slot: fc.integer({ min: 0, max: SLOTS - 1 }), n: fc.nat(99) });
const sequence = fc.array(op, { minLength: 1, maxLength: 8 });

/** The clock of both builders: it starts here and moves 20 minutes a step, so scheduled articles fall due. */
const START = Date.parse('2024-12-01T12:00:00Z');
const STEP_MS = 20 * 60_000;

/** What a build shows, compared between the incremental and the cold side. */
async function summary(build: SiteBuild, itemsDir: string) {
  return {
    documents: [...build.documents].map(([p, d]) => [p, d.body, d.lastModified.getTime()]),
    diagnostics: build.diagnostics.map(formatDiagnostic),
    scheduled: build.scheduled.map((s) => [s.article.id, s.due.getTime()]),
    nextDue: build.nextDue?.getTime(),
    kept: build.kept,
    withheld: build.withheld,
    ledger: await ledgerText(itemsDir),
  };
}

/**
 * Runs `run` over random sequences of edits, each in a temporary folder of its own. The model's tests run at once
 * (describe.concurrent): each has its folders, builders and engines, and a build waits on file I/O much of its time.
 */
function checkSequences(run: (root: string, ops: readonly Op[]) => Promise<void>): Promise<void> {
  return checkAsyncProperty(
    fc.asyncProperty(sequence, async (ops) => {
      const { dir, remove } = await makeTempDir('gazette-model-');
      try {
        await run(dir, ops);
      } finally {
        await remove();
      }
    }),
    8,
  );
}

// Each step is built three ways: by a builder that walks its folder, by one told which files changed (a watcher's
// events), and by a fresh builder (cold), the one cold build being what both incremental ones must give.
describe.concurrent.each(['off', 'update'] as const)('an incremental build, with the ledger %s', (ledger) => {
  it('gives what a cold build gives after every step of random edits, walking the folder or told which files changed', ({ expect }) =>
    checkSequences((root, ops) => runSequence(root, ops, expect)));

  async function runSequence(root: string, ops: readonly Op[], expect: ExpectStatic): Promise<void> {
    const [walked, hinted, coldSide] = ['walked', 'hinted', 'cold'].map((side) => path.join(root, side)) as [string, string, string];
    for (const side of [walked, hinted, coldSide]) await mkdir(side);
    let clock = START;
    const options = { displayDir: 'items', ledger, now: () => clock } as const;
    const walking = createSiteBuilder(config, { ...options, itemsDir: walked });
    const told = createSiteBuilder(config, { ...options, itemsDir: hinted });
    const folder = createModelFolder([walked, hinted, coldSide]);
    const coldBuild = async () => summary(await createSiteBuilder(config, { ...options, itemsDir: coldSide }).build(), coldSide);
    const first = await coldBuild();
    expect(await summary(await walking.build(), walked)).toEqual(first);
    expect(await summary(await told.build(), hinted)).toEqual(first);
    for (const [step, next] of ops.entries()) {
      const touched = await folder.apply(next, clock);
      clock += STEP_MS;
      const byWalking = await summary(await walking.build(), walked);
      const byHint = await summary(await told.build({ changed: touched.map((p) => path.join(hinted, p)) }), hinted);
      const cold = await coldBuild();
      expect({ step, op: next, walking: true, ...byWalking }).toEqual({ step, op: next, walking: true, ...cold });
      expect({ step, op: next, hinted: true, ...byHint }).toEqual({ step, op: next, hinted: true, ...cold });
    }
  }
});

// The same model one layer on: what a live site serves — the snapshot the engine's replies build up, delta after delta
// (changed, retimed, removed documents; lazy pages by key) — is what a fresh engine's first (full) reply gives, and
// every lazy page the engine renders has the bytes the fresh engine renders (an article page's plan entry and lazy
// document are kept from build to build while its inputs are the same objects: render/article-page-plans.ts).
describe.concurrent.each(['off', 'update'] as const)('the snapshot of a live site, with the ledger %s', (ledger) => {
  it('gives what a fresh engine gives after every step of random edits', ({ expect }) => checkSequences((root, ops) => runSequence(root, ops, expect)));

  async function runSequence(root: string, ops: readonly Op[], expect: ExpectStatic): Promise<void> {
    const sides = [path.join(root, 'live'), path.join(root, 'cold')];
    for (const side of sides) await mkdir(side);
    let clock = START;
    const request = (itemsDir: string) => ({ mountPath: '', config, itemsDir, displayDir: 'items', ledger, lazyPages: true, now: clock });
    const engine = createRebuildEngine();
    const served = { snapshot: undefined as FeedSnapshot | undefined, pages: new Map<string, string>() };
    const apply = (state: typeof served, reply: BuildReply) => {
      state.snapshot = applySnapshotDelta(state.snapshot, reply, (p) => ({ path: p, load: async () => undefined })).snapshot;
      if (reply.full) state.pages.clear();
      for (const removed of reply.removed) state.pages.delete(removed);
      for (const { path: p, key } of reply.pages) state.pages.set(p, key);
      return {
        entries: [...state.snapshot.entries.values()].map((e) => [e.path, e.identity.toString('utf8'), e.lastModified.getTime(), e.etags.identity]).sort(),
        pages: [...state.pages].sort(),
      };
    };
    const folder = createModelFolder(sides);
    for (const [step, next] of [undefined, ...ops].entries()) {
      if (next) {
        await folder.apply(next, clock);
        clock += STEP_MS;
      }
      const incremental = apply(served, await engine.build(request(sides[0]!)));
      const fresh = createRebuildEngine();
      const cold = apply({ snapshot: undefined, pages: new Map() }, await fresh.build(request(sides[1]!)));
      expect({ step, op: next, ...incremental, rendered: await renderPages(engine, served.pages) }).toEqual({
        step,
        op: next,
        ...cold,
        rendered: await renderPages(fresh, served.pages),
      });
    }
  }
});

// --- internal ---

/** Every lazy page an engine serves, rendered: path, bytes and Last-Modified. */
async function renderPages(engine: RebuildEngine, pages: ReadonlyMap<string, string>) {
  const rendered: [string, string | undefined, number | undefined][] = [];
  for (const p of [...pages.keys()].sort()) {
    const { doc } = await engine.renderPage({ mountPath: '', path: p });
    rendered.push([p, doc === undefined ? undefined : Buffer.from(doc.identity).toString('utf8'), doc?.lastModified.getTime()]);
  }
  return rendered;
}

/** A slot's record as it is on disk. */
interface Slot {
  /** Relative path, like `sous/r2-3.md`. */
  readonly file: string;
  readonly text: string;
}

/**
 * The folders under test and what each slot holds. Every write sets the file's mtime, the same on both sides and
 * an hour and more in the past: past the settle interval (records/read-settled.ts) and the builder's "racy" window,
 * and different at each write, so the stat key of an edited file always changes, as it does on a real disk.
 */
function createModelFolder(sides: readonly string[]) {
  const slots = new Map<number, Slot>();
  let writes = 0;
  let renames = 0;
  const mtimeBase = Date.now() - 3_600_000;
  const onBoth = (run: (side: string) => Promise<unknown>) => Promise.all(sides.map(run));
  const write = async (file: string, text: string) => {
    const mtime = new Date(mtimeBase + ++writes * 1_000);
    await onBoth(async (side) => {
      const full = path.join(side, file);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, text);
      await utimes(full, mtime, mtime);
    });
  };
  const nameOf = (slot: number, folder = '') => `${folder}r${slot}-${++renames}.md`;
  return {
    /** Applies `op` at clock `now`; returns the relative paths it touched (a watcher's events). */
    async apply({ kind, slot, n }: Op, now: number): Promise<string[]> {
      const current = slots.get(slot);
      if (current === undefined || kind === 'create') {
        const file = current?.file ?? nameOf(slot);
        const text = kind === 'schedule' ? scheduled(slot, n, now) : kind === 'break' ? broken(slot, n) : valid(slot, n);
        await write(file, text);
        slots.set(slot, { file, text });
        return [file];
      }
      if (kind === 'rename' || kind === 'move') {
        // A rename keeps the folder; a move goes between the top folder and `sous/`.
        const inSub = current.file.startsWith('sous/');
        const folder = inSub === (kind === 'rename') ? 'sous/' : '';
        const file = nameOf(slot, folder);
        await onBoth(async (side) => {
          await mkdir(path.dirname(path.join(side, file)), { recursive: true });
          await rename(path.join(side, current.file), path.join(side, file));
        });
        slots.set(slot, { ...current, file });
        return [current.file, file];
      }
      if (kind === 'delete') {
        await onBoth((side) => rm(path.join(side, current.file)));
        slots.delete(slot);
        return [current.file];
      }
      const text = kind === 'schedule' ? scheduled(slot, n, now) : kind === 'break' ? broken(slot, n) : valid(slot, n);
      await write(current.file, text);
      slots.set(slot, { file: current.file, text });
      return [current.file];
    },
  };
}

const CATEGORIES = ['Société', 'International', 'National'];
/** A valid record's author, if any: an edit moves its article between author feeds and pages (or out of them). */
const AUTHORS = ['Léa Martin', 'Karim Benali', 'Léa Martin', undefined];

/** A valid record dated in November 2024 (long before the clock). */
function valid(slot: number, n: number): string {
  const day = String(1 + ((slot * 7 + n) % 28)).padStart(2, '0');
  return record(`Article ${slot}, version ${n}`, `2024-11-${day}`, CATEGORIES[n % 3]!, `Le corps, version ${n}.`, AUTHORS[n % 4]);
}

/** A record dated 25 to 65 minutes after `now`: held back, then published as the clock passes its date. */
function scheduled(slot: number, n: number, now: number): string {
  const due = new Date(now + STEP_MS + 5 * 60_000 + (n % 3) * STEP_MS).toISOString();
  return record(`Article ${slot} programmé, version ${n}`, `"${due}"`, CATEGORIES[n % 3]!, 'À paraître.');
}

/** A record with a date no reader can read: an error on the record, and no article. */
function broken(slot: number, n: number): string {
  return record(`Article ${slot}, cassé ${n}`, 'le jour d’après', 'Société', 'Cassé.');
}

function record(title: string, date: string, category: string, body: string, author?: string): string {
  return `---\ntitle: "${title}"\ndate: ${date}\ncategories: [${category}]\n${author ? `author: ${author}\n` : ''}---\n\n${body}\n`;
}
