// article: strip the characters XML 1.0 forbids or discourages from any text headed for a feed.

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Everything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the document ill-formed.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// XML 1.0 §2.2 also asks documents to avoid DEL and the Unicode noncharacters (U+FDD0–U+FDEF and the last two
// code points of every plane): they mean nothing in text, and the HTML parser the W3C validator runs on content
// reports them as invalid code points (feedvalidator: NotHtml). C1 controls are left to records/decode-text.ts,
// which maps them back to the Windows-1252 characters they stood for.
const XML_DISCOURAGED =
  /[\u007F\uFDD0-\uFDEF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

// C0 controls but tab, LF and CR; DEL; any surrogate (lone ones, and the pairs of the supplementary noncharacters);
// U+FDD0–U+FDEF, U+FFFE and U+FFFF.
const MAYBE_UNFIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * Removes the characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets), plus DEL and the noncharacters
 * it discourages, keeping everything else.
 */
export function cleanXmlText(text: string): string {
  if (typeof text !== 'string') throw new TypeError('cleanXmlText: text must be a string');
  // Most text holds none of them: one scan without the `u` flag (several times faster than the two below) says so.
  // Every character either pattern removes is in MAYBE_UNFIT: the supplementary ones are written as surrogates.
  if (!MAYBE_UNFIT.test(text)) return text;
  // The `u` flag makes lone surrogates match as single code points, so they are dropped too.
  return text.replace(XML_FORBIDDEN, '').replace(XML_DISCOURAGED, '');
}
