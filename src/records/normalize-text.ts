// records: text clean-up shared by every loader (BOM, line endings, Unicode NFC).

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

/** What {@link normalizeStrings} made of a value: a normalised copy, or the news that it nests too deep. */
export type NormalizedValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/**
 * Copies a parsed JSON/YAML value with every string (and object key) NFC-normalised. Iterative, with a depth
 * budget: a value nested deeper than `maxDepth` containers, or one that contains itself (a YAML alias to an
 * enclosing node), gives `{ ok: false }` instead of a stack overflow or an endless walk.
 */
export function normalizeStrings(value: unknown, maxDepth: number): NormalizedValue {
  const root: Record<string, unknown> = {};
  const stack: [source: unknown, target: Record<string | number, unknown>, key: string | number, depth: number][] = [[value, root, 'value', 0]];
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    const [source, target, key, depth] = task;
    if (typeof source === 'string') {
      target[key] = source.normalize('NFC');
    } else if (Array.isArray(source)) {
      if (depth >= maxDepth) return { ok: false };
      const out: unknown[] = new Array<unknown>(source.length);
      target[key] = out;
      for (let i = source.length - 1; i >= 0; i--) stack.push([source[i], out as unknown as Record<number, unknown>, i, depth + 1]);
    } else if (source !== null && typeof source === 'object' && isPlainObject(source)) {
      if (depth >= maxDepth) return { ok: false };
      const out: Record<string, unknown> = {};
      target[key] = out;
      const entries = Object.entries(source);
      for (const [k] of entries) define(out, k.normalize('NFC'), undefined);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        stack.push([v, out, k.normalize('NFC'), depth + 1]);
      }
    } else {
      target[key] = source;
    }
  }
  return { ok: true, value: root.value };
}

// --- internal ---

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A key such as `__proto__` becomes an own property, never the object's prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
