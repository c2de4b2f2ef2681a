import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findEditorWarnings } from '../../src/site/editor-warnings.ts';
import { createSiteBuilder } from '../../src/site/site-builder.ts';
import { makeArticle, makeConfig, makeImage } from '../helpers/factories.ts';
import { writeRecord } from '../helpers/record-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

// The build's clock in every test: 2026-12-07 10:00 UTC.
const NOW = new Date('2026-12-07T10:00:00Z');
const root = useTempDir('gazette-editor-warnings-', 'all');
let publicDir: string;

beforeAll(async () => {
  publicDir = path.join(root(), 'public');
  await mkdir(path.join(publicDir, 'images', 'été'), { recursive: true });
  await writeFile(path.join(publicDir, 'images', 'une.jpg'), 'jpeg');
  await writeFile(path.join(publicDir, 'images', 'été', 'plage.jpg'), 'jpeg');
  await writeFile(path.join(publicDir, '.cache.jpg'), 'dotfiles are not published');
});

const codesOf = async (overrides: Parameters<typeof makeArticle>[0], siteUrl = 'https://example.org') =>
  (await findEditorWarnings([makeArticle({ lines: { date: 3, image: 5 }, ...overrides })], NOW, { siteUrl, publicDir })).map((d) => [d.line, d.field, d.code]);

describe('findEditorWarnings', () => {
  // Notes are not scheduled (docs/records.md, "Correction notes"): one dated after the clock shows at once, with a warning.
  describe('when a correction note is dated after the build’s clock', () => {
    const note = (iso: string, line?: number) => ({ date: new Date(iso), text: 'Note.', key: iso, ...(line === undefined ? {} : { line }) });
    it.each<[string, ReturnType<typeof note>[], unknown[]]>([
      ['a note a second ahead', [note('2024-11-23T00:00:00Z', 7), note('2026-12-07T10:00:01Z', 9)], [[9, 'corrections[2].date', 'correction-future']]],
      ['a note at the clock', [note('2026-12-07T10:00:00Z', 7)], []],
      ['a note before it', [note('2024-11-23T00:00:00Z', 7)], []],
    ])('warns about %s at its line', async (_label, corrections, expected) => {
      expect(await codesOf({ date: new Date('2024-11-22T00:00:00Z'), corrections })).toEqual(expected);
    });
  });

  describe('when the date is far ahead of the build’s clock', () => {
    it.each([
      ['2062-11-22T00:00:00+01:00', [[3, 'date', 'date-far-future']]],
      ['2027-12-07T10:00:01Z', [[3, 'date', 'date-far-future']]],
      ['2027-12-07T10:00:00Z', []],
      ['2027-03-01T00:00:00Z', []],
      ['2024-11-22T00:00:00Z', []],
    ])('gives %s the warnings %j', async (date, expected) => {
      expect(await codesOf({ date: new Date(date) })).toEqual(expected);
    });

    it('says which date and clock, and that it depends on the clock', async () => {
      const [warning] = await findEditorWarnings([makeArticle({ date: new Date('2062-11-22T00:00:00Z') })], NOW, { siteUrl: 'https://example.org', publicDir });
      expect(warning).toMatchObject({
        severity: 'warning',
        file: 'items/test/article-1.md',
        clock: true,
        message:
          "2062-11-22T00:00:00.000Z is more than a year after the build's clock (2026-12-07T10:00:00.000Z): the article waits until then; check the year",
      });
    });
  });

  describe('when the image is on the site', () => {
    it.each([
      ['https://example.org/images/une.jpg', 'https://example.org', []],
      ['https://example.org/images/une.jpg?v=2#x', 'https://example.org', []],
      ['https://example.org/images/%C3%A9t%C3%A9/plage.jpg', 'https://example.org', []],
      ['https://example.org/news/images/une.jpg', 'https://example.org/news', []],
      ['https://example.org/images/autre.jpg', 'https://example.org', [[5, 'image', 'image-missing']]],
      ['https://example.org/images/une.JPG', 'https://example.org', [[5, 'image', 'image-missing']]],
      ['https://example.org/.cache.jpg', 'https://example.org', [[5, 'image', 'image-missing']]],
      ['https://example.org/images/une.jpg', 'https://example.org/news', []],
      ['https://cdn.example.net/images/autre.jpg', 'https://example.org', []],
    ])('gives %s on %s the warnings %j', async (image, siteUrl, expected) => {
      expect(await codesOf({ image: makeImage(image) }, siteUrl)).toEqual(expected);
    });
  });
});

describe('a site build', () => {
  it('reports both warnings with file, line and field, and still schedules the article', async () => {
    const itemsDir = path.join(root(), 'items');
    await mkdir(itemsDir, { recursive: true });
    const text = [
      '---',
      'title: Municipales : la liste l’emporte',
      'date: 22 novembre 2062',
      'image: { url: /images/manque.jpg, alt: Une photo absente }',
      '---',
      'Corps.',
      '',
    ];
    await writeRecord(path.join(itemsDir, 'typo.md'), text.join('\n'));
    const builder = createSiteBuilder(makeConfig({ publicDir }), { itemsDir, displayDir: 'items', now: () => NOW.getTime() });
    const build = await builder.build();
    expect({
      warnings: build.diagnostics.filter((d) => d.source === 'record').map((d) => `${d.file}:${d.line} ${d.field} ${d.code}`),
      scheduled: build.scheduled.map((s) => s.article.file),
    }).toEqual({ warnings: ['items/typo.md:3 date date-far-future', 'items/typo.md:4 image image-missing'], scheduled: ['items/typo.md'] });
  });
});
