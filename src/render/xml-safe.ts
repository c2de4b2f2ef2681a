// render: escaping for text the XML renderers write themselves.

/** Escapes plain text for HTML or XML character data and attribute values (`&`, `<`, `>`, `"`). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
