// corrections.xml as real clients read it: Python's Universal Feed Parser and xmllint with the RFC 4287 RELAX NG schema.
import type { Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve-site.ts';
import { makeConfig } from '../helpers/factories.ts';
import { ATOM_RNG, checkWithXmllint, parseWithFeedparser, requireClient } from './clients.ts';

const RECORD = [
  '---',
  'id: 2024/bilan',
  'title: "Inondations : le bilan & les secours < 24 h"',
  'date: 2024-11-22T10:00:00+01:00',
  'corrections:',
  '  - date: 23 novembre 2024 à 9h15',
  '    text: "Une version précédente donnait « 12 morts » ; il y en a 21."',
  '  - date: 2024-11-25T18:00:00+01:00',
  '    text: "Le nom du préfet était mal orthographié ]]> ici."',
  '---',
  '',
  'Le texte.',
].join('\n');

let root: string;
let server: Server & { feeds: { close(): Promise<void> } };
let base: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gazette-interop-corrections-'));
  await writeFile(path.join(root, 'bilan.md'), RECORD);
  server = await startServer({ config: makeConfig(), port: 0, host: '127.0.0.1', itemsDir: root, watch: false, ledger: 'off' });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('the corrections feed', () => {
  it('reads in Universal Feed Parser as one entry per note, newest first', async () => {
    await requireClient('feedparser');
    const feed = await parseWithFeedparser(`${base}/corrections.xml`);
    const title = 'Rectificatif : Inondations : le bilan & les secours < 24 h';
    const link = 'https://example.org/articles/inondations-le-bilan-les-secours-24-h/';
    expect({ bozo: feed.bozo, version: feed.version, entries: feed.entries.map((e) => [e.id, e.title, e.link, e.updated_parsed]) }).toEqual({
      bozo: 0,
      version: 'atom10',
      entries: [
        ['tag:example.org,2024-01-01:2024/bilan#rectificatif-20241125T170000Z', title, link, '2024-11-25T17:00:00Z'],
        ['tag:example.org,2024-01-01:2024/bilan#rectificatif-20241123T081500Z', title, link, '2024-11-23T08:15:00Z'],
      ],
    });
  });

  it('is valid against the RFC 4287 RELAX NG schema', async () => {
    await requireClient('xmllint');
    const result = await checkWithXmllint(await (await fetch(`${base}/corrections.xml`)).text(), ATOM_RNG);
    expect(result.ok, result.output).toBe(true);
  });
});
