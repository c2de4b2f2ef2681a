// _lib: Gazette's own version, read from its package.json (two folders up from src/_lib or the compiled lib/_lib).
import { createRequire } from 'node:module';

/** The `version` of Gazette's package.json. */
export const GAZETTE_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
