// interop: the French corpus both interop suites serve, and the config it is served with.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeConfig } from '../helpers/factories.ts';

export const ITEMS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/interop-items');
export const SITE = 'https://example.org';
export const config = makeConfig({
  categories: {
    culture: { label: 'Culture' },
    economie: { label: 'Économie' },
    international: { label: 'International' },
    national: { label: 'National' },
    politique: { label: 'Politique' },
    'sciences-techniques': { label: 'Sciences & techniques' },
    societe: { label: 'Société' },
    sports: { label: 'Sports' },
  },
});
