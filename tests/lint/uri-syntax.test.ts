import { describe, expect, it } from 'vitest';
import { checkUriSyntax, type UriKind } from '../../src/lint/value-checks.ts';

// [value, kind, expected W3C class or undefined when valid]
const rows: [string, UriKind, string | undefined][] = [
  // RFC 4151 tag: URIs — authority (DNS name or e-mail), date, specific
  ['tag:example.org,2024-01-01:maroc-0', 'rfc2396_full', undefined],
  ['tag:example.org,2024:maroc', 'rfc2396_full', undefined],
  ['tag:example.org,2024-11:maroc', 'rfc2396_full', undefined],
  ['tag:redaction@example.org,2024-01-01:a/b?c', 'rfc2396_full', undefined],
  ['tag:example.org,2024-01-01:', 'rfc2396_full', undefined],
  ['tag:example.org,2024-01-01:a#frag', 'rfc2396_full', undefined],
  ['tag:example.org:maroc', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,24-01-01:maroc', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,2024-1-1:maroc', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,2024-13-01:maroc', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,2023-02-29:maroc', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,0000-02-29:maroc', 'rfc2396_full', undefined], // 0000 is a leap year; 1900 (what Date.UTC makes of it) is not
  ['tag:Example.org,2024-01-01:maroc', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,2024-01-01:société', 'rfc2396_full', 'InvalidTAG'],
  ['tag:example.org,2024-01-01:a b', 'rfc2396_full', 'InvalidTAG'],
  ['tag:,2024-01-01:a', 'rfc2396_full', 'InvalidTAG'],
  // URNs and UUIDs
  ['urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', 'rfc2396_full', undefined],
  ['urn:uuid:1225c695-cfb8-4ebb-aaaa', 'rfc2396_full', 'InvalidUUID'],
  ['urn:isbn:0451450523', 'rfc2396_full', undefined],
  ['urn:-isbn:0451450523', 'rfc2396_full', 'InvalidURN'],
  ['urn:is/bn:0451450523', 'rfc2396_full', 'InvalidURN'],
  // links
  ['https://example.org/articles/maroc/', 'rfc2396_full', undefined],
  ['ftp://example.org/a.txt', 'rfc2396_full', undefined],
  ['mailto:redaction@example.org', 'rfc2396_full', undefined],
  ['/articles/maroc/', 'rfc2396_full', 'InvalidFullLink'],
  ['/articles/maroc/', 'rfc2396', undefined],
  ['/articles/maroc/', 'rfc3987', undefined],
  ['https://example.org/un article', 'rfc2396_full', 'InvalidUriChar'],
  ['https://example.org/a<b', 'rfc3987', 'InvalidUriChar'],
  ['https://example.org/société', 'rfc3987', undefined],
  ['https://example.org/société', 'rfc2396', 'UriNotIri'],
  ['http:/example.org/', 'rfc3987', 'InvalidIRI'],
  ['http:///example.org/', 'rfc2396', 'InvalidLink'],
  // RFC 3986 §3.2.2: an IP literal host in brackets, right after "//"; brackets anywhere else must be encoded
  ['https://[::1]/', 'rfc2396_full', undefined],
  ['https://[2001:db8::7]:8443/articles/?a=1#b', 'rfc2396_full', undefined],
  ['http://[::ffff:102:304]/', 'rfc2396_full', undefined],
  ['https://[::ffff:1.2.3.4]/', 'rfc2396', undefined],
  ['https://[::1]/', 'rfc3987', undefined],
  ['https://[::1]/wiki/[a]', 'rfc2396_full', 'InvalidUriChar'],
  ['https://example.org/wiki/A_[b]', 'rfc2396_full', 'InvalidUriChar'],
  ['https://example.org/a?x=[1]', 'rfc3987', 'InvalidUriChar'],
  ['https://[example.org]/', 'rfc2396_full', 'InvalidUriChar'],
  ['https://[::1]/', 'rfc2396', undefined],
  ['https://example.org/a|b', 'rfc2396_full', 'InvalidUriChar'],
  ['https://example.org/a%7Cb', 'rfc2396_full', undefined],
];

describe('checkUriSyntax', () => {
  it.each(rows)('%s as %s → %s', (value, kind, w3c) => {
    expect(checkUriSyntax(value, kind)?.w3c).toBe(w3c);
  });

  it('gives every problem a reason to print', () => {
    for (const [value, kind, w3c] of rows) {
      if (w3c !== undefined) expect(checkUriSyntax(value, kind)?.reason).toMatch(/\w/);
    }
  });
});
