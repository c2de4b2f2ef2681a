// A stopped live site leaves its ledger as a static build does: one file to commit, its journal folded in.
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../src/lifecycle/ledger-journal.ts';
import { LEDGER_FILE } from '../../src/lifecycle/ledger.ts';
import { createLiveSite } from '../../src/site/live-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { ledgerText } from '../helpers/ledger-text.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
const ledgerFiles = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('.published')).sort();
const NEW_RECORD = '---\ntitle: "Le conseil municipal vote le budget"\ndate: 2024-11-20 09:00\ncategories: [Politique]\n---\n\nTexte.\n';

describe('a live site, when it stops', () => {
  // In process: the worker thread of `gazette serve` holds the ledger the same way, and is stopped before the fold.
  it('folds the journal its builds appended into the one ledger file, losing no entry', async () => {
    const items = await makeItemsCopy();
    try {
      const site = createLiveSite(makeConfig({ siteUrl: 'https://www.journal-du-midi.fr' }), { itemsDir: items.itemsDir, worker: false });
      await site.ready;
      await writeRecord(path.join(items.itemsDir, 'budget.md'), NEW_RECORD);
      await site.rebuild();
      // The rebuild appended the new article to the journal (the first build compacted the file).
      const running = { files: await ledgerFiles(items.itemsDir), ledger: await ledgerText(items.itemsDir) };
      expect(running.files).toEqual([JOURNAL_FILE, LEDGER_FILE].sort());
      await site.close();
      expect({ files: await ledgerFiles(items.itemsDir), ledger: await ledgerText(items.itemsDir) }).toEqual({
        files: [LEDGER_FILE],
        ledger: running.ledger,
      });
      expect(running.ledger).toContain('"id":"budget"');
    } finally {
      await items.remove();
    }
  });

  it('writes no ledger when it builds without one', async () => {
    const items = await makeItemsCopy();
    try {
      const site = createLiveSite(makeConfig({ siteUrl: 'https://www.journal-du-midi.fr' }), { itemsDir: items.itemsDir, worker: false, ledger: 'off' });
      await site.ready;
      await site.close();
      expect(await exists(path.join(items.itemsDir, LEDGER_FILE))).toBe(false);
    } finally {
      await items.remove();
    }
  });
});
