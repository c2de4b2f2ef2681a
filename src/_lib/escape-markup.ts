// _lib: plain text → HTML or XML text and attribute values that cannot break out of their context.

// The characters that end character data or a double-quoted attribute value, in HTML and in XML alike.
// XML 1.0 §2.4 (https://www.w3.org/TR/xml/#syntax) requires `&` and `<` as references in character data and `>` in
// `]]>`, §3.1 (AttValue) requires `"` inside a double-quoted value; escaping all four everywhere is always allowed.
const MARKUP_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
// HTML adds `'`: our templates may single-quote an attribute (HTML Standard §13.1.2.3, single-quoted attribute value
// syntax). `&#39;` rather than `&apos;`, which HTML 4 did not define. The XML renderers (and xml-js under `feed`) quote
// attributes with `"` only, so XML leaves `'` as it is and the feeds keep their bytes.
const HTML_ESCAPES: Readonly<Record<string, string>> = { ...MARKUP_ESCAPES, "'": '&#39;' };
const MARKUP_SPECIAL = /[&<>"]/g;
const HTML_SPECIAL = /[&<>"']/g;

// The control characters escapeHtml drops: C0 except tab, LF and CR (the set XML 1.0 §2.2 forbids,
// https://www.w3.org/TR/xml/#charsets), plus DEL. HTML Standard §13.1.2.6 makes control characters other than ASCII
// whitespace parse errors in text; FF, ASCII whitespace to HTML, goes too, as XML forbids it. XML cannot escape these
// either (a reference to them is as ill-formed as the character), so the XML renderers remove them, with lone
// surrogates, DEL and noncharacters, before escaping (cleanXmlText in article/xml-text.ts); escapeXml does not
// look for them again.
// eslint-disable-next-line no-control-regex
const HTML_DROPPED_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Escapes `&`, `<`, `>`, `"` and `'` and drops control characters, so the result is safe both as element text and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`text: expected a string, got ${typeof text}`);
  return text.replace(HTML_DROPPED_CONTROLS, '').replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escapes `&`, `<`, `>` and `"` for XML character data and double-quoted attribute values; the text must already be clean XML characters. */
export function escapeXml(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`text: expected a string, got ${typeof text}`);
  return text.replace(MARKUP_SPECIAL, (c) => MARKUP_ESCAPES[c] ?? c);
}
