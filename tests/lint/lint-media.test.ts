// Media RSS rules against the W3C validator's own test files (testcases/ext/media, copied with their copyright
// headers into fixtures/w3c-media; MIT-style licence of the Feed Validator): each file says in a comment which
// message class the validator reports, and Gazette must report that class (or, for `!Error`, no error of its own).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { NOW } from './feed-docs.ts';

const DIR = path.join(import.meta.dirname, 'fixtures/w3c-media');
const EXPECT = /Expect:\s*(!?)(\w+)/;
/** Classes a file names whose findings carry a subclass (feedvalidator/logging.py). */
const SUBCLASSES: Readonly<Record<string, readonly string[]>> = {
  InvalidInteger: ['InvalidNonNegativeInteger', 'InvalidPositiveInteger'],
  ContainsHTML: ['ContainsHTML', 'ContainsUndeclaredHTML'],
  InvalidFullLink: ['InvalidFullLink', 'InvalidUriChar'],
};
/** Not implemented: type="html" text that is not HTML (feedvalidator validateSafe). */
const NOT_IMPLEMENTED = new Set(['invalid_description_html.xml', 'invalid_text_html.xml']);

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.xml') && !NOT_IMPLEMENTED.has(f))
  .sort()
  .map((file) => {
    const body = readFileSync(path.join(DIR, file), 'utf8');
    const [, not = '', cls = ''] = EXPECT.exec(body) ?? [];
    return { file, body, not: not === '!', cls };
  });

describe('the Media RSS rules, on the W3C validator’s test files', () => {
  it('reads every test file', () => {
    expect(cases.length).toBe(57);
  });

  const reporting = cases.filter((c) => !c.not && !c.cls.startsWith('Valid'));
  it.each(reporting.map((c) => [c.file, c.cls, c.body]))('reports in %s the class %s', (_, cls, body) => {
    const found = lintFeed({ path: '/f', body, format: 'rss', now: NOW });
    const classes = cls === 'Error' ? found.filter((d) => d.severity === 'error' && d.code !== 'self-link-missing').map(() => cls) : found.map((d) => d.w3c);
    expect(classes.some((c) => c !== undefined && (c === cls || SUBCLASSES[cls]?.includes(c)))).toBe(true);
  });

  const accepted = cases.filter((c) => c.not || c.cls.startsWith('Valid'));
  it.each(accepted.map((c) => [c.file, c.body]))('reports no error of its own in %s', (_, body) => {
    const found = lintFeed({ path: '/f', body, format: 'rss', now: NOW });
    // The test files predate atom:link rel="self"; Gazette requires it on purpose (STRICTER_ON_PURPOSE).
    expect(found.filter((d) => d.severity === 'error' && d.code !== 'self-link-missing').map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});
