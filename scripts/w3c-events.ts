// Conformance: what the W3C Feed Validation Service itself reports on each file, by running it (scripts/w3c-validate.py).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** One message the validator logged: its class (`feedvalidator/logging.py`), line and element when it names them. */
export interface W3cEvent {
  readonly class: string;
  readonly line?: number;
  readonly element?: string;
}

const RUNNER = path.join(import.meta.dirname, 'w3c-validate.py');
const PYTHON = '/usr/bin/python3';

/**
 * Validates every file in one Python process (importing the validator costs more than a test file) and returns
 * file → events. Throws with the reason when the validator cannot run (no Python 3, a Debian module missing:
 * python3-html5lib python3-rdflib python3-libxml2 python3-lxml) or fails on a file, so the measure is never
 * computed from a partial run.
 */
export function runW3cValidator(source: string, files: readonly string[]): Map<string, W3cEvent[]> {
  const run = spawnSync(PYTHON, [RUNNER, source], {
    input: `${files.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`cannot run ${PYTHON}: ${run.error.message}`);
  if (run.status !== 0) {
    const last = run.stderr.trim().split('\n').slice(-3).join('\n');
    throw new Error(`the W3C validator (${source}) exited with ${run.status}:\n${last}`);
  }
  const events = new Map<string, W3cEvent[]>();
  for (const line of run.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { file: string; events?: W3cEvent[]; failure?: string };
    if (record.failure !== undefined) throw new Error(`the W3C validator failed on ${record.file}: ${record.failure}`);
    events.set(record.file, record.events ?? []);
  }
  const missing = files.filter((f) => !events.has(f));
  if (missing.length > 0) throw new Error(`the W3C validator gave no answer for ${missing.length} files, e.g. ${missing[0]}`);
  return events;
}
