import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/render/xml-safe.ts';

describe('escapeXml', () => {
  it.each([
    ['R&D <Tech> "x"', 'R&amp;D &lt;Tech&gt; &quot;x&quot;'],
    ['R&D <a href="x">', 'R&amp;D &lt;a href=&quot;x&quot;&gt;'],
  ])('escapes &, <, > and " in %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
