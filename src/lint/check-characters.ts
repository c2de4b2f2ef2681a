// lint: document-wide checks on characters and size, the same for every format.
import type { LintReport } from './lint-report.ts';

/** Above this many bytes the W3C validator and many aggregators give up (error); above WARN_BYTES, a warning. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const WARN_FEED_BYTES = 1024 * 1024;

// XML 1.0 §2.2 Char: everything but C0 controls (except tab, LF, CR), lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C1 controls: allowed by XML but never meant in text; their presence means cp1252 bytes decoded as Latin-1.
const C1 = /[\u0080-\u009F]/g;
// U+FFFD REPLACEMENT CHARACTER: a decoder met bytes it could not read, and the letter is lost.
const REPLACEMENT = /\uFFFD/g;
/**
 * UTF-8 read as cp1252/Latin-1: `Ã©` (é), `Ã¨` (è), `Ã ` (à), `Â ` (NBSP), `â€™` (’), `Å“` (œ).
 * `Ã` and `Å` never start a French word followed by these; `Â` (as in `Âge`) is only flagged before a Latin-1 symbol.
 */
const MOJIBAKE =
  /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|Â[\u00A0-\u00BF]|â€[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|Å[\u0092\u0093\u2019\u201C]/g;
/**
 * Character references (`&#1;`, `&#x85;`, group 1), or a comment, CDATA section or processing instruction, read whole
 * so that the references they hold are skipped: there `&#x0;` is six characters of text, not a reference (XML 1.0
 * §2.5, §2.6, §2.7 — CharRef only occurs in content, attribute values and entity values, §4.1). One left-to-right
 * pass, so `<!--` inside a CDATA section (or `]]>` inside a comment) is read as the text it is. An unclosed one runs
 * to the end; the document is then malformed, which the parser reports.
 */
const REFERENCE = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&#(x[0-9a-fA-F]+|\d+);/g;

/** Reports `xml-forbidden-char` (error), `c1-control` (a warning, as the validator's BadCharacters), `replacement-char` and `mojibake` in `text`; `lineOf` maps offsets to feed lines. */
export function checkCharacters(report: LintReport, text: string, lineOf: (offset: number) => number, field?: string): void {
  for (const m of text.matchAll(FORBIDDEN)) {
    report.error('xml-forbidden-char', lineOf(m.index), field, `character ${codePoint(m[0])} is not allowed in XML 1.0 (§2.2); remove it`);
  }
  for (const m of text.matchAll(C1)) {
    report.warning('c1-control', lineOf(m.index), field, `C1 control character ${codePoint(m[0])}: probably Windows-1252 text decoded as Latin-1`);
  }
  for (const m of text.matchAll(REPLACEMENT)) {
    // feedvalidator: BadCharacters
    report.warning(
      'replacement-char',
      lineOf(m.index),
      field,
      'U+FFFD "\uFFFD": a character was lost when the source text was decoded; retype it in the record',
    );
  }
  for (const m of text.matchAll(MOJIBAKE)) {
    report.warning('mojibake', lineOf(m.index), field, `"${m[0]}" looks like UTF-8 decoded as Windows-1252 (mojibake)`);
  }
}

/**
 * Like {@link checkCharacters} for XML character references such as `&#1;` or `&#x92;`, where XML has them: in
 * character data and attribute values, never inside comments, CDATA sections or processing instructions.
 */
export function checkCharacterReferences(report: LintReport, body: string, lineOf: (offset: number) => number): void {
  for (const m of body.matchAll(REFERENCE)) {
    const ref = m[1];
    if (ref === undefined) continue; // a comment, CDATA section or processing instruction
    const code = ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number(ref);
    const isForbidden =
      (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff ||
      code > 0x10ffff;
    if (isForbidden) {
      report.error('xml-forbidden-char', lineOf(m.index), undefined, `${m[0]} refers to a character XML 1.0 forbids (§2.2)`);
    } else if (code >= 0x80 && code <= 0x9f) {
      report.warning('c1-control', lineOf(m.index), undefined, `${m[0]} is a C1 control character: probably Windows-1252 text decoded as Latin-1`);
    } else if (code === 0xfffd) {
      report.warning(
        'replacement-char',
        lineOf(m.index),
        undefined,
        `${m[0]} is U+FFFD: a character was lost when the source text was decoded; retype it in the record`,
      );
    }
  }
}

/** Reports `feed-size`: an error above 5 MB, a warning above 1 MB. */
export function checkSize(report: LintReport, body: string): void {
  const bytes = Buffer.byteLength(body, 'utf8');
  const mb = (bytes / 1024 / 1024).toFixed(1);
  if (bytes > MAX_FEED_BYTES) report.error('feed-size', undefined, undefined, `the feed is ${mb} MB; keep it under 5 MB (lower \`limit\`)`);
  else if (bytes > WARN_FEED_BYTES) report.warning('feed-size', undefined, undefined, `the feed is ${mb} MB; many readers poll it often, keep it under 1 MB`);
}

// --- internal ---

function codePoint(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
