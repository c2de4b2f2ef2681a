import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, it } from 'vitest';
import { bundleScript } from '../helpers/bundle.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(import.meta.dirname, 'fixtures/conformance');
/**
 * The W3C validator's source, which the script runs (CI: `../shared/w3c-feedvalidator/src` beside the checkout; a
 * git worktree sits one level deeper). Its Python modules come from Debian (.ci/run installs them).
 */
const VALIDATOR = [path.join(ROOT, '..'), path.join(ROOT, '../..')]
  .map((dir) => path.join(dir, 'shared/w3c-feedvalidator/src'))
  .find((dir) => existsSync(path.join(dir, 'feedvalidator/__init__.py')));

/**
 * The validator runs only with its source beside the checkout and Debian's Python modules; `npm test` on a machine
 * without them (Node alone) skips this file with a message, while CI (CI=true), which installs both, never skips.
 */
const RUNNABLE = VALIDATOR !== undefined && spawnSync('/usr/bin/python3', ['-c', 'import html5lib, rdflib, libxml2, lxml'], { stdio: 'ignore' }).status === 0;
if (!RUNNABLE && !process.env.CI) {
  console.warn('conformance-script.test.ts skipped: needs ../shared/w3c-feedvalidator and python3-html5lib python3-rdflib python3-libxml2 python3-lxml');
}

/**
 * `scripts/conformance.ts` and the sources it imports as one esbuild bundle, made once for the four runs: the same
 * code `npm run conformance` runs through tsx, which compiles it with esbuild file by file at each start (≈ 0.35 s of
 * CPU a run). The script finds its Python runner beside itself (import.meta.dirname): scripts/.
 */
const bundled = useTempDir('gazette-conformance-', 'all');
let script = '';
beforeAll(async () => {
  script = path.join(bundled(), 'conformance.mjs');
  await writeFile(script, await bundleScript('scripts/conformance.ts', { 'import.meta.dirname': JSON.stringify(path.join(ROOT, 'scripts')) }));
});

/** Runs the conformance script on a fixture folder with the validator's source, as `npm run conformance` does. */
async function conformance(dir: string, source = VALIDATOR): Promise<{ code: number; stdout: string; stderr: string }> {
  if (source === undefined) throw new Error('the W3C validator source (shared/w3c-feedvalidator/src) is not beside this checkout');
  const args = [script, path.join(FIXTURES, dir), '--source', source];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The four runs wait on their own processes (node, then Python) at once: each reads its own fixture folder.
describe.skipIf(!RUNNABLE && !process.env.CI).concurrent('npm run conformance', () => {
  it('counts agreement by class and subclass per detected format, and exits 0 at the aim', async ({ expect }) => {
    const { code, stdout } = await conformance('meets-aim');
    expect(stdout).toContain('## RSS 2.0: 1 files');
    expect(stdout).toContain('| expect an error: Gazette reports that class | 1 | 1 | 100.0 % |\n');
    expect(stdout).toContain('| InvalidLink | 1 | 1 |');
    expect(stdout).toContain('## Atom 1.0: 3 files');
    expect(stdout).toContain('| InvalidTAG | 1 | 1 |');
    expect(stdout).toMatch(/\| accepted by the validator[^|]*\| 1 \| 1 \|/);
    expect(stdout).toMatch(/\| a value the validator finds valid[^|]*\| 1 \| 1 \|/);
    expect(code).toBe(0);
  });

  it('runs the validator on the files expecting no class and counts the Gazette errors it does not report itself', async ({ expect }) => {
    const { code, stdout } = await conformance('extra-error');
    // The fragment's missing title is reported by both; the Atom-typed self link only by Gazette (stricter on purpose).
    expect(stdout).toContain('| expect no class (`!X`): a Gazette error the validator itself does not report | 1 | 2 | 50.0 % |');
    expect(stdout).toContain('Files expecting no class, every feed format: 1/2 (50.0 %)');
    expect(stdout).toContain('NOT MET');
    expect(code).toBe(1);
  });

  it('exits 2 with the reason when the validator cannot run', async ({ expect }) => {
    const { code, stderr } = await conformance('meets-aim', FIXTURES);
    expect(stderr).toMatch(/conformance: the W3C validator \(.*\) exited with 1:\n[\s\S]*ModuleNotFoundError: No module named 'feedvalidator'/);
    expect(code).toBe(2);
  });

  it('exits 1 below the aim', async ({ expect }) => {
    const { code, stdout } = await conformance('below-aim');
    expect(stdout).toContain('| MissingElement | 0 | 1 |');
    expect(stdout).toContain('NOT MET');
    expect(code).toBe(1);
  });
});
