// render: defensive text cleaning shared by the XML renderers (XML 1.0 characters, escaping).

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Everything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the document ill-formed.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets), keeping everything else. */
export function cleanXmlText(text: string): string {
  if (typeof text !== 'string') throw new TypeError('cleanXmlText: text must be a string');
  // The `u` flag makes lone surrogates match as single code points, so they are dropped too.
  return text.replace(XML_FORBIDDEN, '');
}

/** Escapes plain text for HTML or XML character data and attribute values (`&`, `<`, `>`, `"`). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
