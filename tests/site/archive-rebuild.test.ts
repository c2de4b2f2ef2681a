// A live site's incremental build after a new article: only its month's archive page (and the index, when the month
// is new) is rendered again, as a streaming builder names its pages by their inputs.
import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVES_PATH } from '../../src/_lib/site-paths.ts';
import { createSiteBuilder, type SiteBuild } from '../../src/site/site-builder.ts';
import { makeConfig } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { makeItemsCopy } from '../http/_lib/site-server.ts';

const config = makeConfig();
const record = (title: string, date: string) => `---\ntitle: "${title}"\ndate: ${date}\ncategories: [Société]\n---\n\nLe corps de « ${title} ».\n`;

describe('an incremental streaming build after a new article', () => {
  let itemsDir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ itemsDir, remove } = await makeItemsCopy());
    // Two months of the archive, every file aged past the builder's "racy" window so that its stat key is trusted.
    for (const [i, date] of ['2020-01-05', '2020-01-20', '2020-02-10'].entries())
      await writeFile(path.join(itemsDir, `old-${i}.md`), record(`Ancien ${i}`, date));
    const past = new Date(Date.now() - 3_600_000);
    for (const entry of await readdir(itemsDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) await utimes(path.join(entry.parentPath, entry.name), past, past);
    }
  });
  afterEach(() => remove());

  /** The archive pages a build re-rendered or renamed: eager ones by object, lazy ones by source key. */
  function archiveChanges(before: SiteBuild, after: SiteBuild): string[] {
    const keys = (build: SiteBuild) => new Map(build.lazyPages.map((p) => [p.path, p.source]));
    const [oldKeys, newKeys] = [keys(before), keys(after)];
    const eager = [...after.documents].filter(([p, doc]) => p.startsWith(ARCHIVES_PATH) && before.documents.get(p) !== doc).map(([p]) => p);
    const lazy = [...newKeys].filter(([p, key]) => p.startsWith(ARCHIVES_PATH) && oldKeys.get(p) !== key).map(([p]) => p);
    return [...eager, ...lazy];
  }

  it.each<[string, string, string[]]>([
    ['in a month the archive has', '2020-01-25', ['/archives/2020/01/']],
    ['opening a month', '2020-03-02', [ARCHIVES_PATH, '/archives/2020/03/']],
  ])('re-renders, for an article %s, its month page and the index only for a new month', async (_label, date, expected) => {
    const builder = createSiteBuilder(config, { itemsDir, displayDir: 'items', retainPages: false });
    const before = await builder.build();
    const file = path.join(itemsDir, 'nouveau.md');
    await writeRecord(file, record('Nouveau', date));
    const after = await builder.build({ changed: [file] });
    expect(archiveChanges(before, after)).toEqual(expected);
  });
});
