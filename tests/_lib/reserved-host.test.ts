import { describe, expect, it } from 'vitest';
import { isReservedHost } from '../../src/_lib/reserved-host.ts';
import { casesOf } from '../helpers/cases.ts';

describe('isReservedHost', () => {
  it.each(casesOf('_lib/reserved-host', 'isReservedHost', 'string', 'boolean'))('says %s is reserved: %s', (url, expected) => {
    expect(isReservedHost(url)).toBe(expected);
  });
});
