// Test factory: a fresh RawRecord per call, built the way the loaders build them.
import type { RawRecord, RecordBody } from '../../src/records/raw-record.ts';

/** Field values keyed by name; each gets a line number in order (line 2, 3, … as in front matter). */
export function makeRecord(
  fields: Record<string, unknown> = {},
  options: { file?: string; relPath?: string; body?: RecordBody; defaults?: boolean } = {},
): RawRecord {
  const all: Record<string, unknown> = options.defaults === false ? fields : { title: 'Maroc : le DG en visite', date: '22 novembre 2024', ...fields };
  const entries = Object.entries(all).filter(([, value]) => value !== OMIT);
  return {
    file: options.file ?? 'items/2024/maroc.md',
    relPath: options.relPath ?? '2024/maroc',
    format: 'md',
    fields: Object.fromEntries(entries.map(([key, value], i) => [key, { value, line: i + 2 }])),
    body: options.body ?? { kind: 'markdown', text: 'Premier paragraphe.\n\nSecond paragraphe.', line: entries.length + 3 },
  };
}

/** Put as a field value to leave a default field out. */
export const OMIT = Symbol('omit');
