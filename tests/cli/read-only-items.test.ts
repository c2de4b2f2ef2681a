// The reproduction with the real bin: `gazette build --items ro` on a read-only bind mount (CI runs as root;
// skipped with a message where mount is not permitted). Needs the compiled lib/ (`npm run build`).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { mountReadOnly, type ReadOnlyMount } from '../helpers/read-only-mount.ts';
import { gazetteBin, writeCliProject } from './_lib/run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

// The two builds wait at once (describe.concurrent): each writes its own output folder from the one mount.
describe.concurrent('gazette build over a read-only items folder', () => {
  const tmp = useTempDir('gazette-ro-cli-', 'all');
  let mount: ReadOnlyMount | string;
  beforeAll(async () => {
    await writeCliProject(tmp(), 'rw');
    mount = await mountReadOnly(path.join(tmp(), 'rw'), path.join(tmp(), 'ro'));
    if (typeof mount === 'string') console.warn(`skipping the read-only items tests: ${mount}`);
  });
  afterAll(async () => {
    if (typeof mount !== 'string') await mount.unmount();
  });
  const build = (...flags: string[]) => gazetteBin(['build', '--config', 'c.json', '--items', 'ro', ...flags], { cwd: tmp() });

  it('writes the site and exits 0, with one warning line naming the folder and what is lost', async ({ expect, skip }) => {
    if (typeof mount === 'string') return skip();
    const result = await build('--out', 'out');
    expect({
      code: result.code,
      warnings: result.stderr.split('\n').filter((line) => line.includes('warning')),
      stack: /\n\s+at /.test(result.stderr),
      written: (await readdir(path.join(tmp(), 'out'))).includes('feed.xml'),
    }).toEqual({
      code: 0,
      warnings: [expect.stringMatching(/^ro warning: the publication ledger .*EROFS.*redirect.*first-publication times/), '0 errors, 1 warning'],
      stack: false,
      written: true,
    });
  });

  it('with --no-ledger, writes the site without a word about the ledger', async ({ expect, skip }) => {
    if (typeof mount === 'string') return skip();
    const result = await build('--out', 'out2', '--no-ledger');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
