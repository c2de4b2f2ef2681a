// cli: one self-rewriting progress line on a terminal for long builds; nothing at all elsewhere (logs stay plain).
import type { OutStream } from './io.ts';

/** Builds with fewer records than this finish too fast for a progress line to help. */
export const PROGRESS_THRESHOLD = 300;

/** Shows `label: done / total` on one line of a TTY, redrawn at most every `intervalMs`; `end()` erases it. */
export class ProgressLine {
  readonly #out: OutStream;
  readonly #label: string;
  readonly #enabled: boolean;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #last = Number.NEGATIVE_INFINITY;
  #shown = false;

  constructor(out: OutStream, label: string, options: { intervalMs?: number; now?: () => number } = {}) {
    this.#out = out;
    this.#label = label;
    this.#enabled = out.isTTY === true;
    this.#intervalMs = options.intervalMs ?? 100;
    this.#now = options.now ?? Date.now;
  }

  /** Reports progress; draws only on a TTY, past {@link PROGRESS_THRESHOLD}, and not more often than the interval. */
  update = (done: number, total: number): void => {
    if (!this.#enabled || total < PROGRESS_THRESHOLD) return;
    const now = this.#now();
    if (done < total && now - this.#last < this.#intervalMs) return;
    this.#last = now;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    this.#out.write(`\r\u001B[2K${this.#label}: ${done} / ${total} (${percent} %)`);
    this.#shown = true;
  };

  /** Erases the line, so the summary that follows starts on a clean line. */
  end(): void {
    if (this.#shown) this.#out.write('\r\u001B[2K');
    this.#shown = false;
  }
}
