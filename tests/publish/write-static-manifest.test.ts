import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, parseManifest, serializeManifest, toManifestTime, type ManifestEntry } from '../../src/publish/output-manifest.ts';
import { casesOf } from '../helpers/cases.ts';

const HASH = 'ab'.repeat(32);
const entry = (overrides: Partial<Record<keyof ManifestEntry, unknown>> = {}) => ({
  sha256: HASH,
  size: 12,
  mtime: '2024-11-22T10:00:00Z',
  ...overrides,
});
const manifestText = (files: Record<string, unknown>, format: unknown = MANIFEST_FORMAT) => JSON.stringify({ generator: 'gazette', format, files });

describe('output manifest', () => {
  describe('parseManifest', () => {
    it.each([
      // not a manifest at all
      ['text that is not JSON', '{"generator":'],
      ['JSON without the generator', JSON.stringify({ format: 1, files: {} })],
      ['files as an array', JSON.stringify({ generator: 'gazette', format: 1, files: [] })],
      // malformed entries
      ['a short hash', manifestText({ 'a.html': entry({ sha256: 'abc' }) })],
      ['an upper-case hash', manifestText({ 'a.html': entry({ sha256: HASH.toUpperCase() }) })],
      ['a negative size', manifestText({ 'a.html': entry({ size: -1 }) })],
      ['a fractional size', manifestText({ 'a.html': entry({ size: 1.5 }) })],
      ['an mtime with milliseconds', manifestText({ 'a.html': entry({ mtime: '2024-11-22T10:00:00.123Z' }) })],
      ['an impossible mtime', manifestText({ 'a.html': entry({ mtime: '2024-13-40T10:00:00Z' }) })],
      // names that would leave the output folder
      ['a name with ..', manifestText({ '../etc/passwd': entry() })],
      ['an absolute name', manifestText({ '/etc/passwd': entry() })],
      ['an empty segment', manifestText({ 'a//b.html': entry() })],
      ['a backslash', manifestText({ 'a\\..\\b': entry() })],
    ])('calls %s invalid', (_name, text) => {
      expect(parseManifest(text).state).toBe('invalid');
    });

    it('reads a valid manifest', () => {
      const parsed = parseManifest(manifestText({ 'feed.xml': entry(), 'articles/x/index.html': entry({ size: 0 }) }));
      expect(parsed).toEqual({
        state: 'valid',
        reusable: true,
        entries: new Map([
          ['feed.xml', entry()],
          ['articles/x/index.html', entry({ size: 0 })],
        ]),
      });
    });

    it('trusts the names but not the hashes of another format', () => {
      const parsed = parseManifest(manifestText({ 'feed.xml': entry() }, MANIFEST_FORMAT + 1));
      expect(parsed.state === 'valid' && [parsed.reusable, [...parsed.entries.keys()]]).toEqual([false, ['feed.xml']]);
    });
  });

  describe('serializeManifest', () => {
    const entries = new Map<string, ManifestEntry>([
      ['feed.xml', entry() as ManifestEntry],
      ['Zébu/index.html', entry({ size: 3 }) as ManifestEntry],
      ['articles/a/index.html', entry({ size: 1 }) as ManifestEntry],
      ['"quoted".html', entry({ size: 2 }) as ManifestEntry],
    ]);

    it('reads back to the same entries', () => {
      const parsed = parseManifest(serializeManifest(entries, 'gzip 9'));
      expect(parsed.state === 'valid' && parsed.entries).toEqual(entries);
    });

    it('sorts the files, one per line, whatever the insertion order', () => {
      const reversed = new Map([...entries].reverse());
      const text = serializeManifest(reversed, 'gzip 9');
      const names = text
        .split('\n')
        .filter((l) => l.startsWith('    '))
        .map((l) => JSON.parse(l.slice(4, l.indexOf('": {') + 1)));
      expect([text === serializeManifest(entries, 'gzip 9'), names]).toEqual([true, ['"quoted".html', 'Zébu/index.html', 'articles/a/index.html', 'feed.xml']]);
    });

    // `gazette ping` reads the feeds the build changed; a name the manifest does not list is never a topic.
    it.each([
      ['the changed feeds, sorted', serializeManifest(entries, 'gzip 9', ['feed.xml']), ['feed.xml']],
      ['no list from an older manifest', manifestText({}), undefined],
      ['only the names it lists', JSON.stringify({ generator: 'gazette', format: 1, files: {}, changedFeeds: ['feed.xml', 42] }), []],
    ])('reads %s', (_, text, expected) => {
      const parsed = parseManifest(text);
      expect(parsed.state === 'valid' && parsed.changedFeeds).toEqual(expected);
    });

    it('writes an empty output as a valid manifest', () => {
      expect(parseManifest(serializeManifest(new Map(), 'gzip 9')).state).toBe('valid');
    });
  });

  describe('toManifestTime', () => {
    it.each(casesOf('publish/write-static-manifest', 'toManifestTime', 'string', 'string'))('rounds %s down to whole seconds', (input, expected) => {
      expect(toManifestTime(new Date(input))).toBe(expected);
    });
  });
});
