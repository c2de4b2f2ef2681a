import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { EMPTY_LEDGER, LEDGER_FILE, parseLedger, serializeLedger, writeLedger, type Ledger, type LedgerEntry } from '../../src/lifecycle/ledger.ts';
import { readLedger } from '../../src/lifecycle/ledger-store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/ledger');
const fixture = (name: string) => readFile(path.join(fixtures, name), 'utf8');

function makeEntry(overrides: Partial<LedgerEntry> & { id: string }): LedgerEntry {
  return {
    guid: `tag:example.org,2024-01-01:${overrides.id}`,
    published: new Date('2024-11-20T10:00:00Z'),
    hash: 'a'.repeat(64),
    paths: [`/articles/${overrides.id.replace(/\//g, '-')}/`],
    aliases: [],
    ...overrides,
  };
}

function ledgerOf(...entries: LedgerEntry[]): Ledger {
  return new Map(entries.map((e) => [e.id, e]));
}

describe('parseLedger', () => {
  describe('when the file is in the canonical form', () => {
    it('reads every entry and reports nothing', async () => {
      const { value, diagnostics } = parseLedger(await fixture('canonical.json'), 'items/.published.json');
      expect(diagnostics).toEqual([]);
      expect([...value.keys()]).toEqual(['2024/budget', 'rugby', 'vieux']);
      expect(value.get('rugby')).toEqual({
        id: 'rugby',
        guid: 'tag:example.org,2024-01-01:rugby',
        published: new Date('2024-11-20T10:00:00.000Z'),
        updated: new Date('2024-11-21T09:30:00.000Z'),
        removed: undefined,
        hash: 'b'.repeat(64),
        paths: ['/articles/rugby-xv/', '/articles/rugby-le-xv-de-france/'],
        aliases: ['2024/11/rugby'],
      });
      expect(value.get('vieux')?.removed).toEqual(new Date('2024-11-01T00:00:00.000Z'));
    });

    it('serialises back to the same bytes', async () => {
      const text = await fixture('canonical.json');
      expect(serializeLedger(parseLedger(text, 'x').value)).toBe(text);
    });
  });

  describe('when the file is damaged or foreign', () => {
    it.each([
      // [fixture, ids kept, diagnostics as printed]
      [
        'merge-conflict.json',
        ['2024/budget', 'rugby', 'sante'],
        [
          'items/.published.json:3 warning: line 3 is not a ledger entry (a merge conflict?); ignored',
          'items/.published.json:5 warning: line 5 is not a ledger entry (a merge conflict?); ignored',
          'items/.published.json:7 warning: line 7 is not a ledger entry (a merge conflict?); ignored',
        ],
      ],
      [
        'bad-entries.json',
        ['rugby'],
        [
          'items/.published.json:2 published: warning: entry "sans-date": expected an RFC 3339 instant; entry ignored (only its history is lost)',
          'items/.published.json:4 hash: warning: entry "hash-court": expected 64 lower-case hex digits; entry ignored (only its history is lost)',
          'items/.published.json:5 paths: warning: entry "chemin-relatif": expected a list of paths starting with "/"; entry ignored (only its history is lost)',
        ],
      ],
      ['truncated.json', [], ['items/.published.json:2 warning: line 2 is not a ledger entry (a merge conflict?); ignored']],
      ['not-a-ledger.json', [], ['items/.published.json warning: is not a Gazette publication ledger; starting a new one (only history is lost)']],
      ['reformatted.json', ['rugby'], []],
      [
        'newer-format.json',
        [],
        ['items/.published.json warning: is in ledger format 2, which this Gazette does not read; starting a new one (only history is lost)'],
      ],
    ])('%s keeps %j and reports each bad line', async (name, ids, messages) => {
      const { value, diagnostics } = parseLedger(await fixture(name), 'items/.published.json');
      expect([...value.keys()].sort()).toEqual(ids);
      expect(diagnostics.map(formatDiagnostic)).toEqual(messages);
      expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    });

    it.each([[''], ['\n'], ['null'], ['[]'], ['{"gazette":"publication-ledger"']])('reads %j as the empty ledger', (text) => {
      expect(parseLedger(text, 'x').value.size).toBe(0);
    });
  });

  describe('when a union merge left two lines for one id', () => {
    it('keeps one entry with the newest content and every path, the current one last', async () => {
      const { value, diagnostics } = parseLedger(await fixture('union-merge.json'), 'x');
      expect(diagnostics).toEqual([]);
      expect(value.get('rugby')).toMatchObject({
        hash: 'c'.repeat(64),
        updated: new Date('2024-11-25T12:00:00.000Z'),
        paths: ['/articles/rugby-xv/', '/articles/rugby-nouveau/', '/articles/rugby-corrige/'],
      });
    });

    it('gives the same entry whatever the order of the two lines', async () => {
      const lines = (await fixture('union-merge.json')).split('\n');
      const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
      expect(serializeLedger(parseLedger(swapped, 'x').value)).toBe(serializeLedger(parseLedger(lines.join('\n'), 'x').value));
    });
  });
});

describe('the return of an article (restored)', () => {
  const back = makeEntry({ id: 'retour', restored: new Date('2024-11-23T08:00:00Z') });

  it('is written after removed and read back', () => {
    const text = serializeLedger(ledgerOf(back));
    expect([text.includes('"restored":"2024-11-23T08:00:00.000Z","hash"'), parseLedger(text, 'x').value.get('retour')]).toEqual([true, back]);
  });

  it('is absent from a ledger written before it existed, which reads as before', () => {
    const old =
      '[{"gazette":"publication-ledger","version":1}\n,{"id":"a","guid":"g","published":"2024-11-20T10:00:00.000Z","hash":"' +
      'a'.repeat(64) +
      '","paths":[]}\n]\n';
    const { value, diagnostics } = parseLedger(old, 'x');
    expect([value.get('a')?.restored, diagnostics, serializeLedger(value)]).toEqual([undefined, [], old]);
  });

  it.each([
    ['a date', 'hier', 1],
    ['a number', 1732348800000, 1],
  ])('is a warning, and the entry is ignored, when it is %s', (_name, restored, count) => {
    const text = `[{"gazette":"publication-ledger","version":1}\n,${JSON.stringify({ id: 'a', guid: 'g', published: '2024-11-20T10:00:00.000Z', restored, hash: 'a'.repeat(64), paths: [] })}\n]\n`;
    const { value, diagnostics } = parseLedger(text, 'x');
    expect([value.size, diagnostics.filter((d) => d.field === 'restored').length]).toEqual([0, count]);
  });

  it('keeps the later return when a union merge left two lines for one id', () => {
    const a = makeEntry({ id: 'r', restored: new Date('2024-11-23T08:00:00Z') });
    const b = makeEntry({ id: 'r', restored: new Date('2024-11-25T08:00:00Z') });
    const lines = (e: LedgerEntry) => serializeLedger(ledgerOf(e)).split('\n')[1];
    const text = `[{"gazette":"publication-ledger","version":1}\n${lines(a)}\n${lines(b)}\n]\n`;
    expect(parseLedger(text, 'x').value.get('r')?.restored).toEqual(new Date('2024-11-25T08:00:00Z'));
  });
});

describe('the move of an article (moved, place)', () => {
  it('is written in a fixed order and read back', () => {
    const entry = makeEntry({ id: 'm', moved: new Date('2024-11-24T08:00:00Z'), place: '0123456789abcdef' });
    const text = serializeLedger(ledgerOf(entry));
    expect([/"moved":"2024-11-24T08:00:00.000Z","hash":"a+","place":"0123456789abcdef","paths"/.test(text), parseLedger(text, 'x').value.get('m')]).toEqual([
      true,
      entry,
    ]);
  });

  it.each([
    ['moved', 'demain'],
    ['place', 'XYZ'],
  ])('is a warning, and the entry is ignored, when %s is %j', (field, value) => {
    const text = `[{"gazette":"publication-ledger","version":1}\n,${JSON.stringify({ id: 'a', guid: 'g', published: '2024-11-20T10:00:00.000Z', hash: 'a'.repeat(64), paths: [], [field]: value })}\n]\n`;
    const { value: ledger, diagnostics } = parseLedger(text, 'x');
    expect([ledger.size, diagnostics.map((d) => d.field)]).toEqual([0, [field]]);
  });
});

describe('serializeLedger', () => {
  const ledger = ledgerOf(
    makeEntry({ id: 'zèbre' }),
    makeEntry({ id: 'Zebre', updated: new Date('2024-11-21T00:00:00Z') }),
    makeEntry({ id: '2024/a', aliases: ['x/a'] }),
  );

  it('writes a header line, then one entry per line sorted by id (code units, not locale)', () => {
    const lines = serializeLedger(ledger).split('\n');
    expect(lines[0]).toBe('[{"gazette":"publication-ledger","version":1}');
    expect(lines.slice(1, -2).map((l) => (JSON.parse(l.slice(1)) as { id: string }).id)).toEqual(['2024/a', 'Zebre', 'zèbre']);
    expect(lines.slice(1, -2).every((l) => l.startsWith(',{') && l.endsWith('}'))).toBe(true);
    expect(lines.slice(-2)).toEqual([']', '']);
  });

  it('is valid JSON', () => {
    expect(() => JSON.parse(serializeLedger(ledger))).not.toThrow();
  });

  it('does not depend on the insertion order', () => {
    const reversed = new Map([...ledger].reverse());
    expect(serializeLedger(reversed)).toBe(serializeLedger(ledger));
  });

  it('round-trips through parseLedger', () => {
    const text = serializeLedger(ledger);
    expect(serializeLedger(parseLedger(text, 'x').value)).toBe(text);
  });

  it('keeps hostile ids on their own line', () => {
    const hostile = ledgerOf(makeEntry({ id: 'a\n,{"id":"b"}\u2028]' }), makeEntry({ id: 'c' }));
    const text = serializeLedger(hostile);
    expect(text.split('\n')).toHaveLength(5);
    expect([...parseLedger(text, 'x').value.keys()]).toEqual(['a\n,{"id":"b"}\u2028]', 'c']);
  });

  it('writes the empty ledger as a header alone', () => {
    expect(serializeLedger(EMPTY_LEDGER)).toBe('[{"gazette":"publication-ledger","version":1}\n]\n');
  });
});

describe('readLedger and writeLedger', () => {
  const dir = useTempDir('gazette-ledger-');

  describe('when there is no ledger file', () => {
    it('reads the empty ledger without a diagnostic', async () => {
      expect(await readLedger(dir(), 'items/.published.json')).toEqual({ value: EMPTY_LEDGER, diagnostics: [] });
    });

    it('does not create one for an empty ledger', async () => {
      expect(await writeLedger(dir(), EMPTY_LEDGER)).toBe(false);
      expect(await readdir(dir())).toEqual([]);
    });
  });

  describe('when a ledger is written', () => {
    const ledger = ledgerOf(makeEntry({ id: 'rugby' }));

    it('writes it under its dotfile name and reads it back', async () => {
      expect(await writeLedger(dir(), ledger)).toBe(true);
      expect(await readdir(dir())).toEqual([LEDGER_FILE]);
      const read = await readLedger(dir());
      expect(read.diagnostics).toEqual([]);
      expect(serializeLedger(read.value)).toBe(serializeLedger(ledger));
    });

    it('does not touch the file when the bytes are the same', async () => {
      await writeLedger(dir(), ledger);
      const file = path.join(dir(), LEDGER_FILE);
      const old = new Date('2020-01-01T00:00:00Z');
      await import('node:fs/promises').then((fs) => fs.utimes(file, old, old));
      expect(await writeLedger(dir(), new Map(ledger))).toBe(false);
      expect((await stat(file)).mtime).toEqual(old);
    });

    // writeLedger remembers what it wrote, to skip reading the file back: a change made meanwhile must still be seen.
    it.each([
      ['rewritten with other bytes of the same length', (text: string) => writeFile(path.join(dir(), LEDGER_FILE), text.replace('rugby', 'RUGBY'))],
      ['rewritten with a shorter text', () => writeFile(path.join(dir(), LEDGER_FILE), '[]')],
      ['deleted', () => rm(path.join(dir(), LEDGER_FILE))],
    ])('writes it again when the file was %s after the last write', async (_, change) => {
      expect(await writeLedger(dir(), ledger)).toBe(true);
      const text = serializeLedger(ledger);
      await change(text);
      expect(await readFile(path.join(dir(), LEDGER_FILE), 'utf8').catch(() => 'gone')).not.toBe(text);
      expect(await writeLedger(dir(), ledger)).toBe(true);
      expect(await readFile(path.join(dir(), LEDGER_FILE), 'utf8')).toBe(text);
      expect(await writeLedger(dir(), new Map(ledger))).toBe(false);
    });

    it('writes a changed ledger after an unchanged one', async () => {
      const changed = ledgerOf(makeEntry({ id: 'rugby' }), makeEntry({ id: 'tennis' }));
      expect(await writeLedger(dir(), ledger)).toBe(true);
      expect(await writeLedger(dir(), ledger)).toBe(false);
      expect(await writeLedger(dir(), changed)).toBe(true);
      expect(await readFile(path.join(dir(), LEDGER_FILE), 'utf8')).toBe(serializeLedger(changed));
      expect(serializeLedger(changed)).not.toBe(serializeLedger(ledger));
    });

    it('replaces a different file and leaves no temp file behind', async () => {
      await writeFile(path.join(dir(), LEDGER_FILE), 'garbage');
      expect(await writeLedger(dir(), ledger)).toBe(true);
      expect(await readdir(dir())).toEqual([LEDGER_FILE]);
      expect(await readFile(path.join(dir(), LEDGER_FILE), 'utf8')).toBe(serializeLedger(ledger));
    });
  });

  describe('when the ledger cannot be read', () => {
    it('warns, naming the file, and reads the empty ledger', async () => {
      await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir(), LEDGER_FILE)));
      const { value, diagnostics } = await readLedger(dir(), 'items/.published.json');
      expect(value.size).toBe(0);
      expect(diagnostics.map(formatDiagnostic)).toEqual(['items/.published.json warning: cannot be read (EISDIR); starting a new one (only history is lost)']);
    });
  });
});
