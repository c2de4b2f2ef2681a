import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/_lib/describe-value.ts';

describe('describeValue', () => {
  it.each([
    ['null', null, 'nothing (null)'],
    ['an array', ['a'], 'a list'],
    ['a Date', new Date(0), 'a date object'],
    ['a number', 42, 'the number 42'],
    ['NaN', Number.NaN, 'the number NaN'],
    ['a boolean', false, 'false'],
    ['a string', 'l’OCP "x"', '"l’OCP \\"x\\""'],
    ['an object', { name: 'A' }, 'an object'],
    ['undefined', undefined, 'undefined'],
  ])('names %s', (_name, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
