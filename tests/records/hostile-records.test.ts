import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../src/site/build-site.ts';
import { makeConfig } from '../helpers/factories.ts';

// The good records of tests/fixtures/items beside one hostile file per attack (alias bomb, deep nesting, NUL bytes,
// broken UTF-8, script URLs, too many categories…).
const ITEMS = fileURLToPath(new URL('../fixtures/items-hostile/', import.meta.url));

describe('a build over hostile records among good ones', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite(makeConfig(), { itemsDir: ITEMS, displayDir: 'items' });
  });

  it('publishes the good records', () => {
    expect(result.feedSet?.articles.map((a) => a.file).sort()).toEqual([
      'items/000_d101a6bb032ffd19.txt',
      'items/coupe-du-monde-rugby.json',
      'items/protocol-relative-link.md',
      'items/rentree-universitaire.md',
    ]);
  });

  it('reports each hostile record as its own content error, never as a bug', () => {
    const errors = result.diagnostics.filter((d) => d.severity === 'error' && d.file.startsWith('items/'));
    expect([...new Set(errors.map((d) => `${d.file} ${d.code}`))].sort()).toEqual([
      'items/alias-bomb.md yaml-aliases',
      'items/deep-json.json too-deep',
      'items/deep-quotes.md too-deep',
      'items/nul-byte.md nul-byte',
      'items/partial-utf8.md encoding-invalid-utf8',
      'items/too-many-categories.md too-many-categories',
      'items/xss-author-url.md wrong-type',
      'items/xss-image.md image-invalid',
      'items/xss-link.json link-invalid',
    ]);
  });

  it('writes no script, data or vbscript URL into any feed or page', () => {
    const bodies = result.documents.map((d) => d.body);
    expect(bodies.filter((b) => /(?:java\s*script|vbscript|data):/i.test(b))).toEqual([]);
  });

  it('takes a protocol-relative link as the absolute https URL it is', () => {
    expect(result.feedSet?.articles.find((a) => a.file.endsWith('protocol-relative-link.md'))?.link).toBe('https://evil.example/x');
  });
});
