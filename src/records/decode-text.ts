// records: a record file's bytes → text. UTF-8 is expected; Windows-1252, the other encoding French
// newsroom tools still save in, is read with a warning rather than losing the article.

/** What decoding noticed about the bytes; the loader turns these into warnings naming the file. */
export interface DecodeNote {
  readonly code: 'encoding-windows-1252' | 'encoding-utf-16' | 'c1-control';
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
 * Decodes a record file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.
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
    notes.push({ code: 'encoding-utf-16', message: 'the file is UTF-16; it was read, but save it as UTF-8' });
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Latin-1 maps every byte to U+0000–U+00FF; the C1 pass below turns 0x80–0x9F into Windows-1252.
      text = new TextDecoder('latin1').decode(bytes);
      notes.push({
        code: 'encoding-windows-1252',
        message: 'the file is not valid UTF-8; it was read as Windows-1252 (Latin-1): save it as UTF-8',
      });
    }
  }
  const first = text.search(C1);
  if (first >= 0 && notes.length === 0) {
    notes.push({
      code: 'c1-control',
      line: lineAt(text, first),
      message: 'C1 control characters (Windows-1252 text read as Latin-1) were replaced by the characters they stand for',
    });
  }
  if (first >= 0) {
    text = text.replace(C1_GLOBAL, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
  }
  return { text, notes };
}

// --- internal ---

const C1 = /[\u0080-\u009F]/;
const C1_GLOBAL = /[\u0080-\u009F]/g;
// Bytes 0x80–0x9F in Windows-1252 (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT):
// the letters and signs the C1 code points were meant to be (€ ’ … œ –). The five undefined bytes
// (0x81 0x8D 0x8F 0x90 0x9D) mean nothing and are dropped. Written out because Node 20's TextDecoder('windows-1252')
// decodes as plain Latin-1.
const WINDOWS_1252_C1: readonly string[] = [
  '\u20AC', '', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
  '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '', '\u017D', '',
  '', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
  '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '', '\u017E', '\u0178',
];

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}
