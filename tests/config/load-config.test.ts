import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { ConfigError, isGazetteError } from '../../src/diagnostics.ts';
import { casesOf } from '../helpers/cases.ts';

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
      await expect(loadConfig({ file: path.join(fixtures, 'missing.config.ts') })).rejects.toThrow(
        /missing\.config\.ts: invalid configuration\n {2}file not found/,
      );
    });
  });

  describe('for each kind of config file', () => {
    it.each(casesOf('config/load-config', 'config files', 'string', 'string', 'string'))('loads %s (%s)', async (file, title) => {
      const config = await loadConfig({ file: path.join(fixtures, file) });
      expect(config.title).toBe(title);
      expect(path.isAbsolute(config.itemsDir)).toBe(true);
    });

    it('reports a syntax error in one line naming the file, without a stack', async () => {
      const error = (await loadConfig({ file: path.join(fixtures, 'broken.config.json') }).catch((e: unknown) => e)) as ConfigError;
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/broken\.config\.json: invalid configuration\n {2}could not be loaded: /);
      expect(error.message).not.toMatch(/\n\s+at /);
    });
  });

  describe('when no file is named', () => {
    it('takes the first of feed.config.ts, .mts, .mjs, .js, .json in cwd', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'gazette-config-'));
      try {
        await writeFile(path.join(dir, 'feed.config.json'), JSON.stringify({ title: 'JSON', siteUrl: 'https://a.example.org' }));
        expect((await loadConfig({ cwd: dir })).title).toBe('JSON');
        await writeFile(path.join(dir, 'feed.config.mjs'), "export default { title: 'MJS', siteUrl: 'https://a.example.org' };");
        expect((await loadConfig({ cwd: dir })).title).toBe('MJS');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('when a TypeScript config changes between two loads in one process', () => {
    it('reads the new content (only the modules it imports are cached)', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'gazette-config-'));
      const file = path.join(dir, 'feed.config.ts');
      const write = (title: string) =>
        writeFile(
          file,
          `import { defineConfig } from 'gazette';\nexport default defineConfig({ title: ${JSON.stringify(title)} as string, siteUrl: 'https://a.example.org' });\n`,
        );
      try {
        await write('Avant');
        expect((await loadConfig({ file })).title).toBe('Avant');
        await write('Après');
        expect((await loadConfig({ file })).title).toBe('Après');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
