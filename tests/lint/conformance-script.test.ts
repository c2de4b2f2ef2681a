import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(import.meta.dirname, 'fixtures/conformance');

/** Runs `scripts/conformance.ts` as CI does (tsx), with the reduced validator class hierarchy of the fixtures. */
async function conformance(dir: string): Promise<{ code: number; stdout: string }> {
  const args = ['tsx', 'scripts/conformance.ts', path.join(FIXTURES, dir), '--source', path.join(FIXTURES, 'src')];
  try {
    const { stdout } = await promisify(execFile)('npx', args, { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('npm run conformance', () => {
  it('counts agreement by class and subclass per detected format, and exits 0 at the aim', async () => {
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

  it('exits 1 below the aim', async () => {
    const { code, stdout } = await conformance('below-aim');
    expect(stdout).toContain('| MissingElement | 0 | 1 |');
    expect(stdout).toContain('NOT MET');
    expect(code).toBe(1);
  });
});
