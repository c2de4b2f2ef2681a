// records: a record file's bytes → text. UTF-8 is expected; Windows-1252, the other encoding French
// newsroom tools still save in, is read with a warning rather than losing the article. A UTF-8 file with a few
// invalid bytes is not Windows-1252: it is decoded with U+FFFD in their place and reported as an error, so a whole
// record is never published as mojibake.
import { createLineLocator } from '../_lib/line-locator.ts';
import { replaceC1WithWindows1252 } from '../_lib/windows-1252.ts';

/** What decoding noticed about the bytes; the loader turns these into diagnostics naming the file. */
export interface DecodeNote {
  /** `error` for bytes that could not be decoded (the record is skipped), `warning` for a repaired encoding. */
  readonly severity: 'warning' | 'error';
  readonly code: 'encoding-windows-1252' | 'encoding-utf-16' | 'c1-control' | 'encoding-invalid-utf8';
  /** 1-based line of the first affected character, when there is one. */
  readonly line?: number;
  readonly message: string;
}

/** The decoded text and what was done to get it. */
export interface DecodedText {
  readonly text: string;
  readonly notes: readonly DecodeNote[];
}

/**
 * Decodes a record file: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1252 when no byte sequence in
 * the file is valid multi-byte UTF-8, else UTF-8 with U+FFFD for each invalid byte and an error naming their lines.
 * C1 control characters (U+0080–U+009F) in UTF-8 text are Windows-1252 bytes that went through a
 * Latin-1 step somewhere (U+0092 for ’, U+0085 for …); they are mapped to what they meant.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('decodeText: bytes must be a Uint8Array');
  const notes: DecodeNote[] = [];
  let text: string;
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (bom16) {
    text = new TextDecoder(bom16).decode(bytes);
    notes.push({ severity: 'warning', code: 'encoding-utf-16', message: 'the file is UTF-16; it was read, but save it as UTF-8' });
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const scan = scanUtf8(bytes);
      if (scan.validMultibyte === 0) {
        // Latin-1 maps every byte to U+0000–U+00FF; the C1 pass below turns 0x80–0x9F into Windows-1252.
        text = new TextDecoder('latin1').decode(bytes);
        notes.push({
          severity: 'warning',
          code: 'encoding-windows-1252',
          message: 'the file is not valid UTF-8; it was read as Windows-1252 (Latin-1): save it as UTF-8',
        });
      } else {
        text = new TextDecoder('utf-8').decode(bytes);
        const lines = scan.invalidLines;
        const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? `, … (${lines.length} lines)` : '');
        notes.push({
          severity: 'error',
          code: 'encoding-invalid-utf8',
          line: lines[0] ?? 1,
          message:
            `the file is UTF-8 but has invalid bytes on line${lines.length > 1 ? 's' : ''} ${shown}; ` +
            'fix or retype the characters there and save the file as UTF-8',
        });
      }
    }
  }
  const first = text.search(C1);
  if (first >= 0 && notes.length === 0) {
    notes.push({
      severity: 'warning',
      code: 'c1-control',
      line: createLineLocator(text).lineOf(first),
      message: 'C1 control characters (Windows-1252 text read as Latin-1) were replaced by the characters they stand for',
    });
  }
  if (first >= 0) {
    text = replaceC1WithWindows1252(text, 'drop');
  }
  return { text, notes };
}

// --- internal ---

const C1 = /[\u0080-\u009F]/;
/** Counts valid multi-byte UTF-8 sequences and lists the lines of invalid bytes (Unicode §3.9, Table 3-7). */
function scanUtf8(bytes: Uint8Array): { validMultibyte: number; invalidLines: number[] } {
  let validMultibyte = 0;
  const invalidLines: number[] = [];
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      validMultibyte++;
      i += length;
    } else {
      if (invalidLines.at(-1) !== line) invalidLines.push(line);
      i++;
    }
  }
  return { validMultibyte, invalidLines };
}

/** Length of the valid UTF-8 sequence starting at `i` with a lead byte ≥ 0x80, or 0 when it is invalid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const inRange = (k: number, lo: number, hi: number): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return inRange(1, 0x80, 0xbf) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) && inRange(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}
