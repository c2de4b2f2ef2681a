import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from '../../src/_lib/escape-markup.ts';

describe('escapeXml', () => {
  it.each([
    ['R&D <Tech> "x"', 'R&amp;D &lt;Tech&gt; &quot;x&quot;'],
    ['R&D <a href="x">', 'R&amp;D &lt;a href=&quot;x&quot;&gt;'],
    ['&amp; stays text', '&amp;amp; stays text'],
  ])('escapes &, <, > and " in %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it("leaves ' as it is (attributes are double-quoted)", () => {
    expect(escapeXml("l'État")).toBe("l'État");
  });

  it('leaves control characters to cleanXmlText', () => {
    expect(escapeXml('a\u0001b\u007Fc')).toBe('a\u0001b\u007Fc');
  });
});

describe('escapeHtml', () => {
  it.each([
    ['R&D <Tech> "x"', 'R&amp;D &lt;Tech&gt; &quot;x&quot;'],
    ["l'État", 'l&#39;État'],
    ['« a\u00a0» ’', '« a\u00a0» ’'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each([
    ['U+0001', 'a\u0001b', 'ab'],
    ['VT and FF', 'a\u000B\u000Cb', 'ab'],
    ['DEL', 'a\u007Fb', 'ab'],
    ['nothing of tab, LF and CR', 'a\tb\nc\rd', 'a\tb\nc\rd'],
  ])('drops %s', (_name, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('throws a TypeError naming the argument for a non-string', () => {
    expect(() => escapeHtml(1 as unknown as string)).toThrow(new TypeError('text: expected a string, got number'));
  });
});
