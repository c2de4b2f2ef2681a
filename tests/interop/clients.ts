// interop: drivers for the real feed clients (Universal Feed Parser, newsboat, xmllint), run as child processes.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
/** Debian's python3, which has python3-feedparser; the python3 first on PATH may be another one. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const ATOM_RNG = path.resolve(here, '../fixtures/interop/atom.rng');

/** Throws a clear message naming the Debian package when a client is missing: never skip silently. */
export async function requireClient(name: 'feedparser' | 'newsboat' | 'xmllint' | 'sqlite3'): Promise<void> {
  const checks = {
    feedparser: [SYSTEM_PYTHON, ['-c', 'import feedparser'], 'python3-feedparser'],
    newsboat: ['newsboat', ['-v'], 'newsboat'],
    xmllint: ['xmllint', ['--version'], 'libxml2-utils'],
    sqlite3: [SYSTEM_PYTHON, ['-c', 'import sqlite3'], 'python3'],
  } as const;
  const [cmd, args, pkg] = checks[name];
  try {
    await run(cmd, [...args]);
  } catch {
    throw new Error(`${name} is not installed: run \`apt-get install -y ${pkg}\` (the interop suite needs the real client)`);
  }
}

/** What feedparser understood of one entry. */
export interface ParsedEntry {
  title: string | null;
  link: string | null;
  id: string | null;
  published_parsed: string | null;
  updated_parsed: string | null;
  tags: string[];
  author: string | null;
  content: string | null;
}

/** What feedparser understood of one feed. */
export interface ParsedFeed {
  bozo: number;
  bozo_exception: string | null;
  version: string | null;
  feed_title: string | null;
  entries: ParsedEntry[];
}

/** Fetches `url` with Python's Universal Feed Parser. */
export async function parseWithFeedparser(url: string): Promise<ParsedFeed> {
  const { stdout } = await run(SYSTEM_PYTHON, [path.join(here, 'feedparser-driver.py'), url], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as ParsedFeed;
}

/** One row of newsboat's `rss_item` table. */
export interface NewsboatItem {
  guid: string;
  title: string;
  url: string;
  pubDate: number;
  feedurl: string;
  author: string;
  content: string;
  /** '' when newsboat kept no enclosure. */
  enclosure_url: string | null;
  enclosure_type: string | null;
}

/** Has newsboat reload `urls` into a throw-away cache and returns every cached item. */
export async function fetchWithNewsboat(urls: readonly string[]): Promise<NewsboatItem[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-newsboat-'));
  try {
    await writeFile(path.join(dir, 'urls'), `${urls.join('\n')}\n`);
    await writeFile(path.join(dir, 'config'), 'reload-threads 1\n');
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, '.config'), XDG_DATA_HOME: path.join(dir, '.local/share'), LANG: 'C.UTF-8' };
    const cache = path.join(dir, 'cache.db');
    await run('newsboat', ['-x', 'reload', '-u', path.join(dir, 'urls'), '-c', cache, '-C', path.join(dir, 'config')], { env, cwd: dir, timeout: 30_000 });
    if (!existsSync(cache)) throw new Error('newsboat wrote no cache');
    const script =
      'import json,sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.row_factory=sqlite3.Row\n' +
      'print(json.dumps([dict(r) for r in c.execute("select guid,title,url,pubDate,feedurl,author,content,enclosure_url,enclosure_type from rss_item")], ensure_ascii=False))';
    const { stdout } = await run(SYSTEM_PYTHON, ['-c', script, cache], { maxBuffer: 64 << 20 });
    return JSON.parse(stdout) as NewsboatItem[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `xmllint --noout` (plus `--relaxng schema` when given) on `body`; resolves with its stderr, rejects on failure. */
export async function checkWithXmllint(body: string, schema?: string): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-xmllint-'));
  const file = path.join(dir, 'feed.xml');
  try {
    await writeFile(file, body);
    const args = ['--noout', '--nonet', ...(schema ? ['--relaxng', schema] : []), file];
    try {
      const { stderr } = await run('xmllint', args);
      return { ok: true, output: stderr };
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      return { ok: false, output: e.stderr ?? e.message };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
