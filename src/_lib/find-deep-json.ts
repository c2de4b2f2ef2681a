// _lib: where JSON text nests deeper than a budget, found by a loop before any recursive parser runs (records and
// the JSON Feed lint both parse with a parser that descends once per level).

/** Offset of the first `[` or `{` (outside strings) that opens a container deeper than `maxDepth`, if any. */
export function findDeepJson(source: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > maxDepth) return i;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

// --- internal ---

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
