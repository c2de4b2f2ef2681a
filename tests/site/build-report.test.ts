import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { createOnceFilter, failedStatus, withConfigDiagnostics } from '../../src/site/build-report.ts';

const d = (code: string, severity: Diagnostic['severity'] = 'error', file = 'items'): Diagnostic => ({ severity, file, code, message: code });
const at = new Date('2024-11-21T10:00:00Z');
const clean = { ...failedStatus(at), ok: true, errors: 0, published: true };

describe('withConfigDiagnostics', () => {
  it.each<[label: string, config: Diagnostic[], ok: boolean, errors: number, warnings: number]>([
    ['a status without configuration findings is the same', [], true, 0, 0],
    ['a configuration warning counts as a warning and keeps the status ok', [d('restart-needed', 'warning')], true, 0, 1],
    ['a configuration error makes the status not ok', [d('config-invalid'), d('restart-needed', 'warning')], false, 1, 1],
  ])('%s', (_label, config, ok, errors, warnings) => {
    const status = withConfigDiagnostics(clean, config);
    expect([status?.ok, status?.errors, status?.warnings, status?.diagnostics.map((x) => x.code)]).toEqual([ok, errors, warnings, config.map((x) => x.code)]);
  });

  it('leaves no status as none', () => {
    expect(withConfigDiagnostics(undefined, [d('config-invalid')])).toBeUndefined();
  });
});

describe('createOnceFilter', () => {
  // Each build's diagnostics in; what is logged out. Folder findings are said when they appear, and again only
  // after a build without them.
  it.each<[label: string, builds: Diagnostic[][], said: string[][]]>([
    ['says a record finding at every build', [[d('bad-date', 'error', 'items/a.md')], [d('bad-date', 'error', 'items/a.md')]], [['bad-date'], ['bad-date']]],
    ['says an unwritable ledger once while it lasts', [[d('ledger-unwritable', 'warning')], [d('ledger-unwritable', 'warning')]], [['ledger-unwritable'], []]],
    ['says it again when it returns after going away', [[d('link-loop', 'warning')], [], [d('link-loop', 'warning')]], [['link-loop'], [], ['link-loop']]],
  ])('%s', (_label, builds, said) => {
    const filter = createOnceFilter();
    expect(builds.map((build) => filter(build).map((x) => x.code))).toEqual(said);
  });
});
