import { describe, expect, it } from 'vitest';
import type { PendingPage } from '../../src/publish/feed-snapshot.ts';
import { createPageCache } from '../../src/site/page-cache.ts';

type Step = ['add' | 'touch' | 'forget', string];

describe('createPageCache', () => {
  // Each step names a page; the result is the pages whose bytes were let go, in order.
  it.each<[label: string, size: number, steps: Step[], dropped: string[]]>([
    [
      'keeps pages up to its size',
      2,
      [
        ['add', 'a'],
        ['add', 'b'],
      ],
      [],
    ],
    [
      'drops the least recently added page beyond its size',
      2,
      [
        ['add', 'a'],
        ['add', 'b'],
        ['add', 'c'],
      ],
      ['a'],
    ],
    [
      'drops the least recently asked page: a touch makes a page the newest',
      2,
      [
        ['add', 'a'],
        ['add', 'b'],
        ['touch', 'a'],
        ['add', 'c'],
      ],
      ['b'],
    ],
    [
      'a page rendered again replaces its bytes (the old ones go)',
      2,
      [
        ['add', 'a'],
        ['add', 'a'],
      ],
      ['a'],
    ],
    [
      'forgets a page on request, once',
      2,
      [
        ['add', 'a'],
        ['forget', 'a'],
        ['forget', 'a'],
      ],
      ['a'],
    ],
    [
      'a touch or forget of a page it does not hold does nothing',
      2,
      [
        ['touch', 'a'],
        ['forget', 'b'],
      ],
      [],
    ],
    ['of size 0, keeps nothing', 0, [['add', 'a']], ['a']],
  ])('%s', (_label, size, steps, dropped) => {
    const cache = createPageCache(size);
    const pages = new Map<string, PendingPage>();
    const pageOf = (path: string) => pages.get(path) ?? pages.set(path, { path, load: async () => undefined }).get(path)!;
    const gone: string[] = [];
    for (const [op, path] of steps) {
      if (op === 'add') cache.add(pageOf(path), () => gone.push(path));
      else cache[op](pageOf(path));
    }
    expect(gone).toEqual(dropped);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a size of %s', (size) => {
    expect(() => createPageCache(size)).toThrow(RangeError);
  });
});
