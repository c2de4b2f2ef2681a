import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeHttpUrl, isSafeUrl, readUrl } from '../../src/_lib/read-url.ts';
import { checkUriSyntax } from '../../src/lint/value-checks.ts';
import { checkProperty } from '../helpers/property.ts';
import { casesOf } from '../helpers/cases.ts';

const SITE = 'https://example.org/actu/';
describe('readUrl', () => {
  describe('when the value is hostile', () => {
    it.each(casesOf('_lib/read-url', 'hostile values', 'string'))('refuses %j', (value) => {
      expect(readUrl(value, SITE).ok).toBe(false);
    });

    it.each(casesOf('_lib/read-url', 'hostile, read as a path', 'string', 'string'))('reads %j as a path on the site, %s', (value, url) => {
      expect(readUrl(value, SITE)).toEqual({ ok: true, url, relative: true });
    });
  });

  describe('when the value is a URL or a path', () => {
    it.each(casesOf('_lib/read-url', 'URLs and paths', 'string', 'string', 'boolean'))('reads %j as %s', (value, url, relative) => {
      expect(readUrl(value, SITE)).toEqual({ ok: true, url, relative });
    });

    it('takes a protocol-relative URL to http on an http site', () => {
      expect(readUrl('//cdn.example/x', 'http://example.org/')).toMatchObject({ ok: true, url: 'http://cdn.example/x' });
    });

    it('refuses a path when there is no base', () => {
      expect(readUrl('/photos/a.jpg', undefined)).toEqual({ ok: false, message: 'expected an absolute URL, got "/photos/a.jpg"' });
    });

    it('refuses a protocol-relative URL when there is no base', () => {
      expect(readUrl('//cdn.example/x', undefined).ok).toBe(false);
    });
  });

  describe('when the URL holds characters RFC 3986 does not allow raw', () => {
    // new URL() keeps | ^ [ ] { } ` and a lone % raw; feeds need RFC 3986 (§2.1, §3.3–3.5), so they are encoded.
    it.each(casesOf('_lib/read-url', 'raw characters RFC 3986 refuses', 'string', 'string'))('reads %j as %s', (value, url) => {
      const reading = readUrl(value, SITE);
      expect(reading).toMatchObject({ ok: true, url });
    });

    it.each(casesOf('_lib/read-url', 'hosts no host holds', 'string'))('refuses %j, whose host name URL lets through but no host holds (§3.2.2)', (value) => {
      expect(readUrl(value, SITE)).toMatchObject({ ok: false, message: expect.stringMatching(/in its host name, which no host name holds/) });
    });

    it('encodes them in a mailto: URL too', () => {
      expect(readUrl('mailto:a|b@example.org', undefined, { schemes: ['mailto:'] })).toMatchObject({ url: 'mailto:a%7Cb@example.org' });
    });

    const ascii = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 24 });
    const links = fc
      .tuple(fc.constantFrom('https://exemple.fr', 'http://[::1]:8080', 'https://[2001:db8::1]'), ascii, fc.string({ maxLength: 6 }))
      .map(([origin, tail, accents]) => `${origin}/${tail}${accents}`);

    it('gives URLs the feed lint accepts as full RFC 3986 links', () => {
      checkProperty(
        fc.property(links, (value) => {
          const reading = readUrl(value, SITE);
          return !reading.ok || checkUriSyntax(reading.url, 'rfc2396_full') === undefined;
        }),
        3000,
      );
    });

    it('names the same resource as the URL it encodes: both decode to the same bytes', () => {
      const decode = (s: string) => s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      checkProperty(
        fc.property(links, (value) => {
          const reading = readUrl(value, SITE);
          if (!reading.ok) return true;
          return decode(reading.url) === decode(new URL(value.trim()).href);
        }),
        3000,
      );
    });
  });

  describe('when the accepted schemes are given', () => {
    it.each([
      ['mailto:redaction@example.org', ['mailto:'], true],
      ['MAILTO:redaction@example.org', ['mailto:'], true],
      ['https://example.org/', ['mailto:'], false],
      ['javascript:alert(1)', ['http:', 'https:', 'mailto:'], false],
      ['mailto:a@example.org', ['http:', 'https:', 'mailto:'], true],
    ] as const)('reads %j with %j: ok %s', (value, schemes, ok) => {
      expect(readUrl(value, SITE, { schemes }).ok).toBe(ok);
    });
  });

  describe('when a value is refused', () => {
    it('names the character, escaped, never raw', () => {
      const reading = readUrl('java\nscript:alert(1)', SITE);
      expect(reading).toEqual({
        ok: false,
        message: '"java\\nscript:alert(1)" contains a control character (U+000A), which is not allowed in a URL',
      });
    });
  });

  describe('when misused', () => {
    it('throws a TypeError naming the argument', () => {
      expect(() => readUrl(42 as unknown as string, SITE)).toThrow(/text must be a string/);
    });
  });

  describe('properties', () => {
    const hostileSchemes = fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'blob', 'about');
    const injected = fc.constantFrom(
      '\t',
      '\n',
      '\r',
      '\u0000',
      '\u0001',
      '\u001F',
      '\u007F',
      '\u0085',
      '\u009F',
      ' ',
      '\u00A0',
      '\u200B',
      '\u2028',
      '\u202E',
      '\uFEFF',
      '\\',
      '/',
      ':',
      '%0a',
      '%09',
      '&#10;',
    );
    /** A hostile scheme in random letter case with random whitespace and controls injected anywhere. */
    const hostile = fc
      .tuple(hostileSchemes, fc.array(fc.tuple(fc.nat(), injected), { maxLength: 4 }), fc.boolean(), fc.string({ maxLength: 12 }))
      .map(([scheme, injections, upper, rest]) => {
        let text = `${upper ? scheme.toUpperCase() : scheme}:alert(1)${rest}`;
        for (const [at, chars] of injections) {
          const i = at % (text.length + 1);
          text = `${text.slice(0, i)}${chars}${text.slice(i)}`;
        }
        return text;
      });

    it('never yields anything but an http(s) URL from a hostile scheme with injected characters', () => {
      checkProperty(
        fc.property(hostile, (value) => {
          const reading = readUrl(value, SITE);
          return !reading.ok || /^https?:\/\//.test(reading.url);
        }),
        2000,
      );
    });

    it('never calls a hostile scheme with injected characters a safe URL', () => {
      checkProperty(
        fc.property(hostile, (value) => !isSafeHttpUrl(value)),
        2000,
      );
    });

    it("gives URLs that read back to themselves and pass the renderers' guard", () => {
      const anyValue = fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string(), fc.string({ unit: 'grapheme' }), hostile);
      checkProperty(
        fc.property(anyValue, (value) => {
          const reading = readUrl(value, SITE);
          if (!reading.ok) return true;
          const again = readUrl(reading.url, SITE);
          return again.ok && again.url === reading.url && !again.relative && isSafeHttpUrl(reading.url);
        }),
        2000,
      );
    });
  });
});

describe('isSafeUrl', () => {
  it.each(casesOf('_lib/read-url', 'isSafeUrl', 'string', 'boolean'))('isSafeHttpUrl(%j) is %s', (url, safe) => {
    expect(isSafeHttpUrl(url)).toBe(safe);
  });

  it('accepts the schemes it is given', () => {
    expect([isSafeUrl('tag:example.org,2024-01-01:a', ['tag:']), isSafeUrl('tag:example.org,2024:a', ['http:'])]).toEqual([true, false]);
  });
});
