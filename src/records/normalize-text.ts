// records: text clean-up shared by every loader (BOM, line endings, Unicode NFC, offsets → lines).

/**
 * Strips a leading UTF-8 BOM, turns CRLF and lone CR into LF, and normalises to NFC.
 * Line numbers survive: each CRLF or CR becomes exactly one LF.
 */
export function normalizeText(text: string): string {
  if (typeof text !== 'string') throw new TypeError('normalizeText: text must be a string');
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Splits normalised text into lines, each without trailing whitespace (inner NBSP/U+202F kept). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.trimEnd());
}

/** Returns a function mapping a 0-based UTF-16 offset in `text` to its 1-based line and column. */
export function createLineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  }
  return (offset) => {
    // Binary search for the last line start ≤ offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** Deeply NFC-normalises every string (and object key) in a parsed JSON/YAML value. */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = normalizeStrings(v);
    return out;
  }
  return value;
}

// --- internal ---

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
