import { describe, expect, it } from 'vitest';
import { createLineLocator } from '../../src/_lib/line-locator.ts';

describe('createLineLocator', () => {
  describe('when the text starts the file', () => {
    const { lineOf, columnOf } = createLineLocator('ab\ncd\n\nef');

    it.each([
      // offset, line, column
      [0, 1, 1],
      [2, 1, 3], // the LF ends line 1
      [3, 2, 1],
      [6, 3, 1], // the empty line
      [7, 4, 1],
      [8, 4, 2],
      [9, 4, 3], // the end of the text
    ])('maps offset %i to line %i, column %i', (offset, line, column) => {
      expect([lineOf(offset), columnOf(offset)]).toEqual([line, column]);
    });
  });

  describe('when the text is an excerpt starting on line 5', () => {
    const { lineOf } = createLineLocator('a\nb', 5);

    it.each([
      [0, 5],
      [1, 5],
      [2, 6],
    ])('maps offset %i to line %i', (offset, line) => {
      expect(lineOf(offset)).toBe(line);
    });
  });

  describe('when the text has no line break', () => {
    it('puts every offset on the first line', () => {
      const { lineOf } = createLineLocator('abc');
      expect([0, 2, 3].map(lineOf)).toEqual([1, 1, 1]);
    });
  });

  describe('when CR is left in the text', () => {
    it('counts only LF as a line end', () => {
      expect(createLineLocator('a\r\nb\rc').lineOf(5)).toBe(2);
    });
  });

  describe('when text is not a string', () => {
    it('throws a TypeError', () => {
      expect(() => createLineLocator(42 as unknown as string)).toThrow(TypeError);
    });
  });
});
