import { describe, expect, it } from 'vitest';
import { checkUriSyntax, type UriKind } from '../../src/lint/value-checks.ts';
import { casesOf } from '../helpers/cases.ts';

// [value, kind, expected W3C class or undefined when valid (null in the data)]
const rows = casesOf('lint/uri-syntax', 'uri syntax', 'string', 'string', 'string|undefined') as [string, UriKind, string | undefined][];

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
