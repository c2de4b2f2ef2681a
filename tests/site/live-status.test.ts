// What a live site says about its builds: the last status with the configuration's findings first, the last
// success, and the listeners told after each build.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { BuildStatus } from '../../src/site/live-site-types.ts';
import { createLiveStatus } from '../../src/site/live-status.ts';

const AT = new Date('2024-12-01T12:00:00Z');
const status = (overrides: Partial<BuildStatus> = {}): BuildStatus => ({
  ok: true,
  at: AT,
  errors: 0,
  warnings: 0,
  published: true,
  diagnostics: [],
  kept: [],
  durationMs: 12,
  ...overrides,
});
const refused: Diagnostic = { severity: 'error', file: 'feed.config.ts', code: 'config-invalid', message: 'title: manquant' };
const restart: Diagnostic = { severity: 'warning', file: 'feed.config.ts', code: 'config-needs-restart', message: 'port' };

describe('createLiveStatus', () => {
  it('says nothing before the first build, and tells no listener', () => {
    const live = createLiveStatus(() => {});
    const heard: BuildStatus[] = [];
    live.onBuilt((s) => heard.push(s));
    live.announce();
    expect([live.status(), live.lastSuccess(), heard]).toEqual([undefined, undefined, []]);
  });

  it.each<[label: string, config: Diagnostic[], ok: boolean, errors: number, warnings: number]>([
    ['no configuration finding', [], true, 0, 0],
    ['a refused configuration', [refused], false, 1, 0],
    ['a field that needs a restart', [restart], true, 0, 1],
  ])('puts the configuration’s findings first in the status: %s', (_label, config, ok, errors, warnings) => {
    const live = createLiveStatus(() => {});
    live.record(status(), true);
    live.setConfigDiagnostics(config);
    expect(live.status()).toMatchObject({ ok, errors, warnings, diagnostics: config });
  });

  it.each([
    ['a build that went live', true, AT],
    ['a build that did not', false, undefined],
  ] as const)('counts %s as the last success: %s', (_label, wentLive, lastSuccess) => {
    const live = createLiveStatus(() => {});
    live.record(status({ ok: wentLive, published: wentLive }), wentLive);
    expect(live.lastSuccess()).toEqual(lastSuccess);
  });

  it('tells every listener, logs one that throws and still tells the others', () => {
    const lines: string[] = [];
    const live = createLiveStatus((line) => lines.push(line));
    const heard: string[] = [];
    live.onBuilt(() => heard.push('first'));
    live.onBuilt(() => {
      throw new Error('listener bug');
    });
    live.onBuilt(() => heard.push('third'));
    live.record(status(), true);
    live.announce();
    expect([heard, lines]).toEqual([['first', 'third'], ['a build listener failed: listener bug']]);
  });

  it('stops telling a listener once its remover is called, the same function added twice being two listeners', () => {
    const live = createLiveStatus(() => {});
    let calls = 0;
    const listener = () => void calls++;
    const removeFirst = live.onBuilt(listener);
    live.onBuilt(listener);
    live.record(status(), true);
    live.announce();
    removeFirst();
    live.announce();
    expect(calls).toBe(3);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => createLiveStatus(() => {}).onBuilt('nope' as unknown as () => void)).toThrow(TypeError);
  });
});
