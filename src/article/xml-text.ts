// article: strip the characters XML 1.0 forbids from any text headed for a feed.

// XML 1.0 §2.2 Char: C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and unpaired surrogates are not
// characters at all; a single one makes the whole feed ill-formed (https://www.w3.org/TR/xml/#charsets).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Returns `s` without the characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
export function cleanXmlText(s: string): string {
  if (typeof s !== 'string') throw new TypeError('cleanXmlText: s must be a string');
  return s.replace(FORBIDDEN, '');
}
