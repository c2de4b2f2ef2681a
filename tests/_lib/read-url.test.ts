import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeHttpUrl, isSafeUrl, readUrl } from '../../src/_lib/read-url.ts';
import { checkUriSyntax } from '../../src/lint/value-checks.ts';
import { checkProperty } from '../helpers/property.ts';

const SITE = 'https://example.org/actu/';
describe('readUrl', () => {
  describe('when the value is hostile', () => {
    it.each([
      // a control or whitespace inside the scheme: browsers strip TAB/CR/LF and would run the script
      ['java\nscript:alert(document.domain)'],
      ['java\tscript:alert(1)'],
      ['java\rscript:alert(1)'],
      ['jav\u0000ascript:alert(1)'],
      ['\u0000javascript:alert(1)'],
      ['javascript\u0085:alert(1)'],
      ['java\u200Bscript:alert(1)'],
      ['java\u00A0script:alert(1)'],
      ['java\u2028script:alert(1)'],
      ['javascript:\nalert(1)'],
      // other schemes, in any letter case
      ['javascript:alert(1)'],
      ['JaVaScRiPt:alert(1)'],
      ['  javascript:alert(1)  '],
      ['data:text/html,<script>alert(1)</script>'],
      ['DATA:image/svg+xml;base64,PHN2Zz4='],
      ['vbscript:msgbox(1)'],
      ['file:///etc/passwd'],
      ['ftp://example.org/a'],
      ['mailto:redaction@example.org'],
      // spaces and controls in an http URL, backslashes, credentials
      ['http://exa mple.org/'],
      ['http:// example.org/'],
      ['https://example.org/a b.jpg'],
      ['https://example.org/\u0007'],
      ['https:\\\\evil.example/x'],
      ['\\\\evil.example/x'],
      ['https://user:pass@example.org/'],
      ['https://example.org@evil.example/'],
      // not URLs at all
      ['http://'],
      ['https://[::1'],
      [''],
      ['   '],
      ['www.example.org/a'],
    ])('refuses %j', (value) => {
      expect(readUrl(value, SITE).ok).toBe(false);
    });

    it.each([
      // percent-encoded controls are plain path characters: resolved on the site, never a scheme
      ['java%0ascript:alert(1)', 'https://example.org/actu/java%0ascript:alert(1)'],
      ['java%09script:alert(1)', 'https://example.org/actu/java%09script:alert(1)'],
      ['javascript&colon;alert(1)', 'https://example.org/actu/javascript&colon;alert(1)'],
      ['%6A%61vascript:alert(1)', 'https://example.org/actu/%6A%61vascript:alert(1)'],
    ])('reads %j as a path on the site, %s', (value, url) => {
      expect(readUrl(value, SITE)).toEqual({ ok: true, url, relative: true });
    });
  });

  describe('when the value is a URL or a path', () => {
    it.each([
      // written, resolved URL, relative
      ['https://example.org/a', 'https://example.org/a', false],
      ['HTTP://EXAMPLE.ORG/A', 'http://example.org/A', false],
      ['  https://example.org/a  ', 'https://example.org/a', false],
      ['https://exemple.fr/été', 'https://exemple.fr/%C3%A9t%C3%A9', false],
      // protocol-relative: absolute, with the site's scheme
      ['//cdn.example/x.jpg', 'https://cdn.example/x.jpg', false],
      // paths resolve against the base
      ['/photos/a.jpg', 'https://example.org/photos/a.jpg', true],
      ['photos/a.jpg', 'https://example.org/actu/photos/a.jpg', true],
      ['../a', 'https://example.org/a', true],
      ['#note', 'https://example.org/actu/#note', true],
    ])('reads %j as %s', (value, url, relative) => {
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
    it.each([
      // Wikipedia and Commons links
      ['https://fr.wikipedia.org/wiki/Fichier:Logo|vignette.png', 'https://fr.wikipedia.org/wiki/Fichier:Logo%7Cvignette.png'],
      ['https://en.wikipedia.org/wiki/C_[programming_language]', 'https://en.wikipedia.org/wiki/C_%5Bprogramming_language%5D'],
      [
        'https://fr.wikipedia.org/w/index.php?title=Spécial:Recherche&search=a|b',
        'https://fr.wikipedia.org/w/index.php?title=Sp%C3%A9cial:Recherche&search=a%7Cb',
      ],
      // tracking parameters and templating left in a link
      ['https://exemple.fr/a?utm_source=newsletter&utm_campaign={{campagne}}', 'https://exemple.fr/a?utm_source=newsletter&utm_campaign=%7B%7Bcampagne%7D%7D'],
      ['https://exemple.fr/a?filters[ville]=Lyon&tri=date^desc', 'https://exemple.fr/a?filters%5Bville%5D=Lyon&tri=date%5Edesc'],
      ['https://exemple.fr/a?q=`cmd`#sec`1`', 'https://exemple.fr/a?q=%60cmd%60#sec%601%60'],
      ['https://exemple.fr/a#{"x":[1]}', 'https://exemple.fr/a#%7B%22x%22:%5B1%5D%7D'],
      // French accents are encoded by URL itself, as UTF-8
      ['https://exemple.fr/élections/résultats?ville=Orléans#détail', 'https://exemple.fr/%C3%A9lections/r%C3%A9sultats?ville=Orl%C3%A9ans#d%C3%A9tail'],
      // already encoded: kept as written (hex case too); a % that starts no %XX is a literal %
      ['https://exemple.fr/a%7Cb%7cc?x=%5B1%5D', 'https://exemple.fr/a%7Cb%7cc?x=%5B1%5D'],
      ['https://exemple.fr/100%-remboursé?taux=5%', 'https://exemple.fr/100%25-rembours%C3%A9?taux=5%25'],
      // IPv6 hosts keep their brackets (§3.2.2); brackets in the path do not
      ['https://[::1]/', 'https://[::1]/'],
      ['http://[2001:DB8::7]:8080/a[1]', 'http://[2001:db8::7]:8080/a%5B1%5D'],
      // sub-delims, ":" "@" "/" "?" stay as they are where RFC 3986 allows them
      ["https://exemple.fr/a:b@c/!$&'()*+,;=?x=/?:@#/?:@", "https://exemple.fr/a:b@c/!$&'()*+,;=?x=/?:@#/?:@"],
      // relative paths on the site too
      ['wiki/a|b', 'https://example.org/actu/wiki/a%7Cb'],
    ])('reads %j as %s', (value, url) => {
      const reading = readUrl(value, SITE);
      expect(reading).toMatchObject({ ok: true, url });
    });

    it.each([['https://exa{mple}.org/'], ['https://exa%7Bmple.org/'], ['https://exa`mple.org/'], ['https://exa"mple.org/']])(
      'refuses %j, whose host name URL lets through but no host holds (§3.2.2)',
      (value) => {
        expect(readUrl(value, SITE)).toMatchObject({ ok: false, message: expect.stringMatching(/in its host name, which no host name holds/) });
      },
    );

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
  it.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    [' https://example.org/a', false],
    ['https://example.org/a b', false],
    ['java\nscript:alert(1)', false],
    ['javascript:alert(1)', false],
    ['//example.org/a', false],
    ['/a', false],
    ['https://u:p@example.org/', false],
    ['', false],
  ])('isSafeHttpUrl(%j) is %s', (url, safe) => {
    expect(isSafeHttpUrl(url)).toBe(safe);
  });

  it('accepts the schemes it is given', () => {
    expect([isSafeUrl('tag:example.org,2024-01-01:a', ['tag:']), isSafeUrl('tag:example.org,2024:a', ['http:'])]).toEqual([true, false]);
  });
});
