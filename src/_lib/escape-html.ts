// _lib: plain text → HTML text and attribute values that cannot break out of their context (article bodies, pages).

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element text and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`text: expected a string, got ${typeof text}`);
  // HTML Standard §13.1.2.6: control characters other than ASCII whitespace are parse errors in text.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
