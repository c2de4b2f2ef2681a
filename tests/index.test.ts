import { describe, expect, it } from 'vitest';
import * as gazette from '../src/index.ts';

describe('the public API (src/index.ts)', () => {
  it('exports exactly these values; a change here is a change for every user', () => {
    expect(Object.keys(gazette).sort()).toEqual([
      'ConfigError',
      'GazetteError',
      'RecordError',
      'buildFeedSet',
      'buildSite',
      'createApp',
      'createFeedRouter',
      'createSnapshot',
      'defineConfig',
      'formatDiagnostic',
      'isGazetteError',
      'lintFeed',
      'loadConfig',
      'parseFrenchDate',
      'readItems',
      'renderAtom',
      'renderJsonFeed',
      'renderRss',
      'renderSite',
      'resolveConfig',
      'slugify',
      'startServer',
      'toArticle',
      'writeStaticSite',
    ]);
  });
});
