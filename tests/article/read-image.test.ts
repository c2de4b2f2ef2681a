// The record's `image`: a URL alone or { url, alt, caption, credit, width, height }, read by toArticle.
import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/article/to-article.ts';
import { makeConfig } from '../helpers/factories.ts';
import { makeRecord } from './make-record.ts';

const config = makeConfig();
const read = (image: unknown, sizes?: ReadonlyMap<string, number>) => {
  const { value, diagnostics } = toArticle(makeRecord({ image }), config, sizes ? { publicFileSizes: sizes } : {});
  return { image: value?.image, findings: diagnostics.map((d) => [d.severity, d.field, d.code, d.line]) };
};

describe('toArticle reading `image`', () => {
  it.each([
    [
      'a full object',
      { url: '/images/rabat.jpg', alt: 'La médina', caption: ' Rabat,\nle  21 novembre ', credit: 'AFP', width: 1200, height: '800' },
      { url: 'https://example.org/images/rabat.jpg', alt: 'La médina', caption: 'Rabat, le 21 novembre', credit: 'AFP', width: 1200, height: 800 },
    ],
    ['an object with a decorative (empty) alt', { url: 'https://cdn.example/a.png', alt: '' }, { url: 'https://cdn.example/a.png', alt: '' }],
  ])('reads %s', (_, written, expected) => {
    const { image, findings } = read(written);
    expect([image && Object.fromEntries(Object.entries(image).filter(([, v]) => v !== undefined)), findings]).toEqual([expected, []]);
  });

  it.each([
    ['a URL alone', 'https://cdn.example/a.jpg', [['warning', 'image', 'image-alt-missing', 4]]],
    ['an object without alt', { url: 'https://cdn.example/a.jpg' }, [['warning', 'image', 'image-alt-missing', 4]]],
    [
      'an unknown key and a bad width',
      { url: 'https://cdn.example/a.jpg', alt: 'x', legende: 'y', width: -3 },
      [
        ['warning', 'image', 'unknown-key', 4],
        ['warning', 'image', 'wrong-type', 4],
      ],
    ],
    ['a caption that is not text', { url: 'https://cdn.example/a.jpg', alt: 'x', caption: ['a'] }, [['warning', 'image', 'wrong-type', 4]]],
  ])('warns about %s and keeps the image', (_, written, expected) => {
    const { image, findings } = read(written);
    expect([image?.url, findings]).toEqual(['https://cdn.example/a.jpg', expected]);
  });

  it.each([
    ['an object without url', { alt: 'x' }, 'missing-field'],
    ['a url that is not text', { url: 3, alt: 'x' }, 'wrong-type'],
    ['a script URL', { url: 'javascript:alert(1)', alt: 'x' }, 'image-invalid'],
    ['a list', ['https://cdn.example/a.jpg'], 'wrong-type'],
  ])('refuses %s as an error naming the field', (_, written, code) => {
    const { image, findings } = read(written);
    expect([image, findings]).toEqual([undefined, [['error', 'image', code, 4]]]);
  });

  it.each([
    ['a file of the static-assets folder', '/images/une%20photo.jpg', 48_213],
    ['a URL elsewhere', 'https://cdn.example/images/une%20photo.jpg', undefined],
    ['a file the folder does not hold', '/images/autre.jpg', undefined],
  ])('gives the length of %s from the sizes listed for the build', (_, url, length) => {
    const sizes = new Map([['images/une photo.jpg', 48_213]]);
    expect(read({ url, alt: 'x' }, sizes).image?.length).toBe(length);
  });
});
