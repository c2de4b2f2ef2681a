import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { ConfigError, isGazetteError } from '../../src/diagnostics.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/config');

describe('loadConfig', () => {
  describe('when the file is valid', () => {
    it('resolves it and makes folders absolute against the config file', async () => {
      const config = await loadConfig({ file: path.join(fixtures, 'valid.config.ts') });
      expect(config.siteUrl).toBe('https://courrier.example.org');
      expect(config.timeZone).toBe('America/Montreal');
      expect(config.itemsDir).toBe(path.join(fixtures, 'items-here'));
      expect(config.outDir).toBe(path.join(fixtures, 'dist'));
    });
  });

  describe('when fields are invalid', () => {
    it('throws one ConfigError listing each bad field', async () => {
      const error = await loadConfig({ file: path.join(fixtures, 'invalid.config.ts') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(isGazetteError(error)).toBe(true);
      expect((error as ConfigError).problems).toEqual([
        'siteUrl: expected an absolute URL, got "courrier.example.org" (did you mean "https://courrier.example.org"?)',
        'limit: expected a positive whole number, got "cinquante"',
      ]);
    });
  });

  describe('when there is no default export', () => {
    it('says how to write one', async () => {
      await expect(loadConfig({ file: path.join(fixtures, 'no-default.config.ts') })).rejects.toThrow(/export default defineConfig/);
    });
  });

  describe('when the file does not exist', () => {
    it('throws a ConfigError naming it', async () => {
      await expect(loadConfig({ file: path.join(fixtures, 'missing.config.ts') })).rejects.toThrow(/missing\.config\.ts: invalid configuration\n {2}file not found/);
    });
  });
});
