// The options of a record cache in tests: a plain one (no bodies, no kept bytes, no store), with `over` applied.
import type { RecordCacheOptions } from '../../../src/site/record-cache.ts';
import { makeConfig } from '../../helpers/factories.ts';

export const cacheOptions = (over: Partial<RecordCacheOptions> = {}): RecordCacheOptions => ({
  config: makeConfig(),
  displayDir: 'items',
  bodies: false,
  keptBudget: 0,
  keepLastGood: false,
  sync: false,
  sizes: {},
  store: undefined,
  onProgress: undefined,
  ...over,
});
