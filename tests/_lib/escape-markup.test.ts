import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from '../../src/_lib/escape-markup.ts';
import { casesOf } from '../helpers/cases.ts';

describe('escapeXml', () => {
  it.each(casesOf('_lib/escape-markup', 'escapeXml', 'string', 'string'))('escapes &, <, > and " in %j', (input, expected) => {
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
  it.each(casesOf('_lib/escape-markup', 'escapeHtml', 'string', 'string'))('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each(casesOf('_lib/escape-markup', 'escapeHtml drops', 'string', 'string', 'string'))('drops %s', (_name, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('throws a TypeError naming the argument for a non-string', () => {
    expect(() => escapeHtml(1 as unknown as string)).toThrow(new TypeError('text: expected a string, got number'));
  });
});
