// The article store's record keys: one key per (bytes, relPath, display), whatever characters the three hold.
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../src/site/article-store.ts';
import { makeConfig } from '../helpers/factories.ts';
import { checkProperty } from '../helpers/property.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const root = useTempDir('gazette-store-', 'all');
let store: ArticleStore;
beforeAll(async () => {
  store = await openArticleStore(path.join(root(), 'cache'), makeConfig(), 'test');
});

// Tiny alphabets, so that two triples often spell the same text once joined: the key's separators (NUL) and the
// path's own separators must keep them apart. Record bytes may hold NUL; a path never does (POSIX forbids it in a
// file name, and Node's readdir cannot return one), so paths are drawn without it.
const bytes = fc.array(fc.constantFrom('a', '\0', '/', ':', 'é', '\n'), { maxLength: 5 }).map((cs) => new Uint8Array(Buffer.from(cs.join(''), 'utf8')));
const pathText = fc.array(fc.constantFrom('a', '/', ':', '\\', '.', ' ', 'é', 'e\u0301', '%00', '\u0001'), { maxLength: 4 }).map((cs) => cs.join(''));
const triple = fc.tuple(bytes, pathText, pathText);

describe('the key of a record in the article store', () => {
  it('is the same for the same bytes, relPath and display', async () => {
    const other = await openArticleStore(path.join(root(), 'cache'), makeConfig(), 'test');
    checkProperty(
      fc.property(triple, ([b, rel, display]) => {
        expect(other.keyOf(b.slice(), rel, display)).toBe(store.keyOf(b, rel, display));
      }),
      200,
    );
  });

  it('differs whenever the bytes, the relPath or the display differ, wherever NUL and separators fall', () => {
    checkProperty(
      fc.property(triple, triple, ([b1, r1, d1], [b2, r2, d2]) => {
        const same = Buffer.from(b1).equals(Buffer.from(b2)) && r1 === r2 && d1 === d2;
        expect(store.keyOf(b1, r1, d1) === store.keyOf(b2, r2, d2)).toBe(same);
      }),
      2000,
    );
  });

  it.each([
    ['the end of the bytes moved to the relPath', ['ab', 'c', 'd'], ['a', 'bc', 'd']],
    ['the end of the relPath moved to the display', ['a', 'bc', 'd'], ['a', 'b', 'cd']],
    ['an empty relPath and a display', ['a', '', 'b'], ['a', 'b', '']],
    ['NUL in the bytes where the separator would be', ['a\0b', 'c', ''], ['a', 'b', 'c']],
    ['bytes ending with NUL and the same bytes without it', ['a\0', '', 'b'], ['a', '', 'b']],
  ])('keeps apart %s', (_, [b1, r1, d1], [b2, r2, d2]) => {
    const key = (b: string, r: string, d: string) => store.keyOf(new Uint8Array(Buffer.from(b, 'utf8')), r, d);
    expect(key(b1!, r1!, d1!)).not.toBe(key(b2!, r2!, d2!));
  });
});
