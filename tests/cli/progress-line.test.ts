import { describe, expect, it } from 'vitest';
import { PROGRESS_THRESHOLD, ProgressLine } from '../../src/cli/progress-line.ts';
import { capture } from './_lib/run.ts';

describe('ProgressLine', () => {
  it('draws nothing when the stream is not a terminal, however large the build', () => {
    const out = capture(false);
    const line = new ProgressLine(out, 'building');
    for (let i = 0; i <= 5000; i += 500) line.update(i, 5000);
    line.end();
    expect(out.text).toBe('');
  });

  it('draws nothing on a terminal for a build below the threshold', () => {
    const out = capture(true);
    const line = new ProgressLine(out, 'building', { intervalMs: 0 });
    line.update(10, PROGRESS_THRESHOLD - 1);
    line.end();
    expect(out.text).toBe('');
  });

  it('redraws one line on a terminal, at most once per interval except the last, then erases it', () => {
    const out = capture(true);
    let now = 0;
    const line = new ProgressLine(out, 'building', { intervalMs: 100, now: () => now });
    line.update(100, 1000); // drawn (first)
    now = 50;
    line.update(200, 1000); // skipped: within the interval
    now = 150;
    line.update(300, 1000); // drawn
    now = 160;
    line.update(1000, 1000); // drawn: the last one always is
    line.end();
    expect(out.text.split('\r\u001B[2K').filter(Boolean)).toEqual([
      'building: 100 / 1000 (10 %)',
      'building: 300 / 1000 (30 %)',
      'building: 1000 / 1000 (100 %)',
    ]);
    expect(out.text.endsWith('\r\u001B[2K')).toBe(true);
    expect(out.text).not.toContain('\n');
  });
});
