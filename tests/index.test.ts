import { describe, expect, it } from 'vitest';
import * as gazette from '../src/index.ts';
import * as stages from '../src/stages.ts';

// A change to either list is a change for every user: the core ('gazette') is semver-stable, the stages
// ('gazette/stages') may change in a minor version. package.json's `exports` maps both names.
describe('the public API', () => {
  it.each([
    [
      'gazette (src/index.ts)',
      gazette,
      [
        'ConfigError',
        'GazetteError',
        'OutputError',
        'buildSite',
        'buildStaticSite',
        'createApp',
        'createFeedRouter',
        'createLiveSite',
        'defineConfig',
        'formatDiagnostic',
        'isGazetteError',
        'isOutputError',
        'lintFeed',
        'loadConfig',
        'openStaticOutput',
        'resolveConfig',
        'startServer',
        'writeStaticSite',
      ],
    ],
    [
      'gazette/stages (src/stages.ts)',
      stages,
      [
        'buildFeedSet',
        'createSiteBuilder',
        'createSnapshot',
        'parseFrenchDate',
        'readItems',
        'renderAtom',
        'renderJsonFeed',
        'renderRss',
        'renderSite',
        'slugify',
        'toArticle',
      ],
    ],
  ])('%s exports exactly these values', (_name, mod, names) => {
    expect(Object.keys(mod).sort()).toEqual(names);
  });

  it('maps each entry point in package.json exports to its compiled file and declarations', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, { types: string; import: string }>;
    };
    expect(pkg.exports['.']).toEqual({ types: './lib/index.d.ts', import: './lib/index.js' });
    expect(pkg.exports['./stages']).toEqual({ types: './lib/stages.d.ts', import: './lib/stages.js' });
  });
});
