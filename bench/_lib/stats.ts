// bench: summaries and printing shared by the benches (min/median/max, percentiles, ratios, a text table).
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

/** Min, median and max of some samples. */
export interface Summary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** Summary of samples (throws on none: a bench that measured nothing is a bug). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  // An even count has two middle samples: their mean, so two runs do not report the faster one as the median.
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/** Nearest-rank percentile of samples already sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile: no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** `1.23 s` / `456 ms`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** `123 MB`. */
export function formatBytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** `0.42×`, or `n/a` when either side is missing. */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b === 0) return 'n/a';
  return `${(a / b).toFixed(2)}×`;
}

/** Prints rows as an aligned Markdown table (pastable into the README). */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/** One line naming the machine and how busy it was, so a table is never read without it. */
export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${formatBytes(totalmem())} RAM, Node ${process.versions.node}, load average ${loadavg()[0]!.toFixed(1)} at ${new Date().toISOString().slice(0, 16)}Z`;
}

/** The flags every bench takes: `--size N`, `--runs N`, `--smoke` (tiny sizes, one run: CI checks it works). */
export function readBenchArgs(defaults: { size: number; runs: number; smokeSize: number }): {
  size: number;
  runs: number;
  smoke: boolean;
  extra: Record<string, string | boolean | undefined>;
} {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      runs: { type: 'string' },
      smoke: { type: 'boolean' },
      edits: { type: 'string' },
      seconds: { type: 'string' },
      dir: { type: 'string' },
      heap: { type: 'string' },
    },
  });
  const smoke = values.smoke ?? false;
  const size = Number(values.size ?? (smoke ? defaults.smokeSize : defaults.size));
  const runs = Number(values.runs ?? (smoke ? 1 : defaults.runs));
  for (const [name, value] of [
    ['size', size],
    ['runs', runs],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name}: expected a positive whole number, got ${value}`);
  }
  return { size, runs, smoke, extra: values };
}
