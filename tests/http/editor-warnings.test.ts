import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../helpers/factories.ts';
import { request, startSite, type TestSite } from './_lib/site-server.ts';

let site: TestSite;
beforeAll(async () => {
  const typo = [
    '---',
    'title: Rentrée : le calendrier',
    'date: 1er septembre 2062',
    'categories: [Sociét]',
    'image: { url: /images/rentree.jpg, alt: La cour d’une école }',
    '---',
    'Corps.',
    '',
  ];
  site = await startSite({ config: makeConfig(), prepare: (itemsDir) => writeFile(path.join(itemsDir, 'typo.md'), typo.join('\n')) });
});
afterAll(() => site.close());

describe('a live site with an editor’s slips', () => {
  it('lists each warning in /healthz with file, line and field', async () => {
    const report = JSON.parse((await request(site.port, '/healthz')).body.toString()) as { diagnostics: string[] };
    const mine = report.diagnostics.filter((d) => d.includes('typo.md'));
    expect(mine.map((d) => d.replace(/^.*typo\.md/, 'typo.md').replace(/ warning: .*$/, ''))).toEqual([
      'typo.md:4 categories:',
      'typo.md:3 date:',
      'typo.md:5 image:',
    ]);
  });
});
