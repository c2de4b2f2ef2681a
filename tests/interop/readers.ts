// interop: the reader matrix — feed readers written in other languages, each driven as a child process that prints
// what it parsed as JSON, mapped onto one shape; plus the fields each one cannot report, with the reason.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SYSTEM_PYTHON, fetchWithNewsboat } from './clients.ts';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

export type ReaderName = 'feedparser' | 'newsboat' | 'xml-feed' | 'rome' | 'gofeed';
export type XmlFormat = 'rss' | 'atom';

/** One entry as a reader reports it. Dates are ISO 8601 UTC to the second; null when the reader has none. */
export interface ReaderEntry {
  title: string | null;
  link: string | null;
  id: string | null;
  published: string | null;
  updated: string | null;
  /** The category names the reader shows. */
  categories: string[];
  /** The author names the reader shows. */
  authors: string[];
  /** Full HTML as the reader gives it back. */
  content: string | null;
  /** The summary as the reader gives it back (HTML for RSS `description`, text for Atom `type="text"`). */
  summary: string | null;
  /** The first enclosure (RSS `enclosure`, Atom `link rel="enclosure"`); length as the reader gives it (text or number). */
  enclosure: { url: string | null; type: string | null; length: string | number | null } | null;
  /** The first Media RSS `media:content`, its attributes as the reader gives them. */
  mediaContent: { url: string | null; medium: string | null; type: string | null; width: string | null; height: string | null } | null;
  /** The text of `media:description` inside it: the lead image's caption. */
  caption: string | null;
  /** The text of `media:credit` inside it. */
  credit: string | null;
}

export type ReaderField = keyof ReaderEntry;

/** Debian packages a reader needs, named in the error when one is missing (the suite never skips a reader). */
export const READER_PACKAGES: Readonly<Record<ReaderName, readonly string[]>> = {
  feedparser: ['python3-feedparser'],
  newsboat: ['newsboat'],
  'xml-feed': ['libxml-feed-perl'],
  rome: ['librome-java', 'default-jdk-headless'],
  gofeed: ['golang-go', 'golang-github-mmcdole-gofeed-dev'],
};

/** The fields one reader cannot report in one format, each with its reason, plus the `coAuthors` and `zeroLength` tolerances. */
export type BlindSpots = Partial<Record<ReaderField | 'coAuthors' | 'zeroLength', string>>;

const FEEDPARSER_CAPTION =
  'feedparser 6 reads media:description as the entry’s own description (mediarss.py _start_media_description): no caption key, and summary keeps the item’s description';
/** newsboat 2.21 (rsspp) keeps an enclosure or a media:content only when its type is a podcast's. */
const NEWSBOAT_MEDIA = {
  enclosure: 'newsboat caches an enclosure only of a podcast type (utils::is_valid_podcast_type: audio types, application/ogg): an image one is dropped',
  mediaContent: 'newsboat reads media:content only as a podcast enclosure (rsspp parse_media_node) and caches no Media RSS column',
  caption: 'newsboat reads media:description only as the item body when it has none (rsspp parse_media_node)',
  credit: 'newsboat ignores media:credit (rsspp parse_media_node) and caches no such column',
} as const;
const XML_FEED_MEDIA = {
  mediaContent: 'XML::Feed::Entry has no Media RSS accessor (enclosure is its only media method)',
  caption: 'XML::Feed::Entry has no Media RSS accessor (enclosure is its only media method)',
  credit: 'XML::Feed::Entry has no Media RSS accessor (enclosure is its only media method)',
} as const;

/**
 * What each reader cannot report, per format and field, with the reason (read in its source); the test skips exactly
 * these. `coAuthors` means the reader shows one author string for an entry with several: the test then accepts that
 * string when it names one of them (and only the author's name when there is one). `zeroLength` means the reader
 * gives 0 for an enclosure without `length`: the test then reads that 0 as "unknown".
 */
export const READER_BLIND_SPOTS: Readonly<Record<ReaderName, Partial<Record<XmlFormat, BlindSpots>>>> = {
  feedparser: {
    rss: { updated: 'RSS 2.0 has no per-item modification date (feedparser copies pubDate into updated_parsed)', caption: FEEDPARSER_CAPTION },
    atom: { caption: FEEDPARSER_CAPTION },
  },
  newsboat: {
    rss: {
      updated: 'newsboat caches one date per item (rss_item.pubDate)',
      categories: 'newsboat caches no categories (rss_item has no such column)',
      coAuthors: 'newsboat caches one author string per item: the last dc:creator',
      summary: 'newsboat caches one body per item: content:encoded, else description',
      ...NEWSBOAT_MEDIA,
    },
    atom: {
      updated: 'newsboat caches one date per item (rss_item.pubDate, from <published>)',
      categories: 'newsboat caches no categories (rss_item has no such column)',
      coAuthors: 'newsboat caches one author string per item: every atom:author name joined by ", "',
      summary: 'newsboat caches one body per item: content, else summary',
      ...NEWSBOAT_MEDIA,
    },
  },
  'xml-feed': {
    rss: { updated: 'RSS 2.0 has no per-item modification date (XML::Feed reads dcterms:modified or atom:updated only)', ...XML_FEED_MEDIA },
    atom: { coAuthors: 'XML::Feed::Entry::Format::Atom::author returns the first atom:author name only', ...XML_FEED_MEDIA },
  },
  rome: {
    rss: { updated: 'RSS 2.0 has no per-item modification date (ROME leaves getUpdatedDate null)' },
    atom: { zeroLength: 'SyndEnclosure#getLength is a long: a link rel="enclosure" without length (RFC 4287 §4.2.7.6) reads as 0' },
  },
  gofeed: {
    rss: {
      updated: 'RSS 2.0 has no per-item modification date (gofeed reads only dc:date)',
      coAuthors: 'gofeed translator.go translateItemAuthor keeps the first dc:creator only',
    },
  },
};

/**
 * Compiles the Go and Java drivers once into a temporary folder (offline, from Debian's sources and jars) and returns
 * a function that reads one feed with one reader. Throws naming the Debian packages when a reader is missing.
 */
export async function prepareReaders(): Promise<{
  read: (reader: ReaderName, url: string, body: string) => Promise<ReaderEntry[]>;
  dispose: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-readers-'));
  const gofeed = path.join(dir, 'gofeed-driver');
  const classes = path.join(dir, 'java');
  await mkdir(classes);
  await Promise.all([
    build('gofeed', 'go', ['build', '-o', gofeed, path.join(here, 'gofeed-driver.go')], {
      ...process.env,
      GOPATH: '/usr/share/gocode',
      GO111MODULE: 'off',
      GOFLAGS: '',
      GOCACHE: path.join(os.tmpdir(), 'gazette-interop-gocache'),
    }),
    build('rome', 'javac', ['-d', classes, '-cp', ROME_CLASSPATH, path.join(here, 'RomeDriver.java')]),
    build('xml-feed', 'perl', ['-MXML::Feed', '-MJSON::PP', '-e', '1']),
  ]);
  const read = async (reader: ReaderName, url: string, body: string): Promise<ReaderEntry[]> => {
    if (reader === 'newsboat') return fromNewsboat(await fetchWithNewsboat([url]), url);
    const file = path.join(dir, `feed-${reader}.xml`);
    await writeFile(file, body);
    const [cmd, args] = {
      feedparser: [SYSTEM_PYTHON, [path.join(here, 'feedparser-driver.py'), file]],
      'xml-feed': ['perl', [path.join(here, 'xml-feed-driver.pl'), file]],
      rome: ['java', ['-cp', `${classes}:${ROME_CLASSPATH}:/usr/share/java/slf4j-nop.jar`, 'RomeDriver', file]],
      gofeed: [gofeed, [file]],
    }[reader] as [string, string[]];
    const { stdout } = await run(cmd, args, { maxBuffer: 64 << 20, env: { ...process.env, LANG: 'C.UTF-8' } });
    const parsed = JSON.parse(stdout) as { entries: ReaderEntry[] };
    return parsed.entries;
  };
  return { read, dispose: () => rm(dir, { recursive: true, force: true }) };
}

// --- internal ---

/** ROME 1.12 and what it needs at compile and run time, as Debian installs them. */
const ROME_CLASSPATH = ['rome.jar', 'rome-utils.jar', 'jdom2.jar', 'slf4j-api.jar'].map((j) => `/usr/share/java/${j}`).join(':');

async function build(reader: ReaderName, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await run(cmd, args, { env, maxBuffer: 16 << 20 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(
      `${reader} driver could not be built (${(e.stderr || e.message).trim().split('\n')[0]}): ` +
        `run \`apt-get install -y ${READER_PACKAGES[reader].join(' ')}\` (the interop suite needs the real reader)`,
    );
  }
}

/** newsboat's cache row → the common shape, in feed order (newest first, as the feed lists them). */
function fromNewsboat(rows: Awaited<ReturnType<typeof fetchWithNewsboat>>, url: string): ReaderEntry[] {
  return rows
    .filter((r) => r.feedurl === url)
    .sort((a, b) => b.pubDate - a.pubDate || a.guid.localeCompare(b.guid))
    .map((r) => ({
      title: r.title,
      link: r.url,
      id: r.guid,
      published: new Date(r.pubDate * 1000).toISOString().replace('.000', ''),
      updated: null,
      categories: [],
      authors: r.author ? [r.author] : [],
      content: r.content,
      summary: null,
      enclosure: r.enclosure_url ? { url: r.enclosure_url, type: r.enclosure_type || null, length: null } : null,
      mediaContent: null,
      caption: null,
      credit: null,
    }));
}
