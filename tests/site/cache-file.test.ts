// A build cache's file: replaced whole, read whole; anything unreadable reads as empty maps (the build starts cold).
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readCacheMaps, writeCacheFile } from '../../src/site/cache-file.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('a build cache file', () => {
  const root = useTempDir('gazette-cache-file-');

  it('gives back the maps it was written with, in the order asked, and leaves no temporary file', async () => {
    const file = path.join(root(), 'deep', 'cache.bin');
    await writeCacheFile(file, { a: new Map([['x', 1]]), b: new Map([['y', { z: 2 }]]) });
    expect(await readCacheMaps(file, ['b', 'a'])).toEqual([new Map([['y', { z: 2 }]]), new Map([['x', 1]])]);
    expect(await readdir(path.dirname(file))).toEqual(['cache.bin']);
  });

  it.each([
    ['missing', undefined],
    ['truncated', serialize({ a: new Map([['x', 'y'.repeat(100)]]), b: new Map() }).subarray(0, 40)],
    ['not V8 data', Buffer.from('{"a": {}}')],
    ['of another shape (a map missing)', serialize({ a: new Map([['x', 1]]) })],
    ['of another shape (not a map)', serialize({ a: new Map(), b: [1, 2] })],
  ])('reads as empty maps when %s', async (_, bytes) => {
    const file = path.join(root(), 'cache.bin');
    if (bytes !== undefined) await writeFile(file, bytes);
    expect(await readCacheMaps(file, ['a', 'b'])).toEqual([new Map(), new Map()]);
  });
});
