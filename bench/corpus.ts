// bench: a seeded corpus of French articles (Markdown + YAML, JSON, wire dispatch) with its feed.config.mjs.
// Run alone: npx tsx bench/corpus.ts [--size 1000] [--seed 1] [--out DIR]   (prints the folder it wrote)
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The twelve categories of the corpus: config slug → label (the vocabulary that splits dispatch lines). */
export const CATEGORIES: Readonly<Record<string, string>> = {
  international: 'International',
  national: 'National',
  societe: 'Société',
  economie: 'Économie',
  culture: 'Culture',
  sport: 'Sport',
  politique: 'Politique',
  sciences: 'Sciences',
  sante: 'Santé',
  environnement: 'Environnement',
  education: 'Éducation',
  regions: 'Régions',
};

/** Options of {@link writeCorpus}. */
export interface CorpusOptions {
  /** Number of article records. */
  readonly size: number;
  /** Seed of the generator: the same seed and size give byte-identical files. Default 1. */
  readonly seed?: number;
  /** Folder to write into (created); default a new folder under the system temp dir. */
  readonly dir?: string;
  /** Target size of one record in bytes; default 5,500. */
  readonly recordBytes?: number;
}

/** A written corpus: `<root>/items/…` and `<root>/feed.config.mjs` (outDir `<root>/dist`). */
export interface Corpus {
  readonly root: string;
  readonly itemsDir: string;
  readonly configFile: string;
  readonly outDir: string;
  /** Seed, size and record size it was generated with ({@link generateRecords} gives the records again). */
  readonly options: Required<Omit<CorpusOptions, 'dir'>>;
  /** Paths of the records relative to itemsDir, in generation order. */
  readonly files: readonly string[];
  /** What each record holds, without its body (100,000 bodies would weigh half a gigabyte here). */
  readonly records: readonly CorpusEntry[];
}

/** A record's metadata. */
export type CorpusEntry = Omit<CorpusRecord, 'blocks'>;

/** One generated article, before it is written in its record format. */
export interface CorpusRecord {
  readonly file: string;
  readonly format: 'md' | 'json' | 'txt';
  readonly title: string;
  /** Wall time in Europe/Paris: `YYYY-MM-DD HH:MM` (dispatches keep only the day). */
  readonly date: string;
  readonly categories: readonly string[];
  readonly author: string;
  /** Markdown body (dispatches get the same blocks in their own layout). */
  readonly blocks: readonly Block[];
}

/** A body block: kicker (ALL CAPS), section heading or paragraph. */
export type Block = { readonly kind: 'kicker' | 'heading' | 'paragraph'; readonly text: string };

const FILES_PER_FOLDER = 1000;

/** Writes a deterministic corpus; Markdown most often, then JSON and dispatch `.txt` (8 : 1 : 1). */
export async function writeCorpus(options: CorpusOptions): Promise<Corpus> {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size: expected a positive whole number, got ${size}`);
  const seed = options.seed ?? 1;
  const recordBytes = options.recordBytes ?? 5500;
  const root = options.dir ?? (await mkdtemp(path.join(tmpdir(), `gazette-corpus-${size}-`)));
  const itemsDir = path.join(root, 'items');
  const generation = { size, seed, recordBytes };
  for (let folder = 0; folder * FILES_PER_FOLDER < size; folder += 1) {
    await mkdir(path.join(itemsDir, folderName(folder)), { recursive: true });
  }
  const records: CorpusEntry[] = [];
  await writeAll(generateRecords(generation), async (record) => {
    const { blocks: _blocks, ...entry } = record;
    records.push(entry);
    await writeFile(path.join(itemsDir, record.file), renderRecord(record));
  });
  const configFile = path.join(root, 'feed.config.mjs');
  await writeFile(configFile, renderConfig());
  return { root, itemsDir, configFile, outDir: path.join(root, 'dist'), options: generation, files: records.map((r) => r.file), records };
}

/** The records of a corpus, one at a time, from its generation options (deterministic). */
export function* generateRecords(options: Required<Omit<CorpusOptions, 'dir'>>): Generator<CorpusRecord> {
  const random = mulberry32(options.seed);
  for (let i = 0; i < options.size; i += 1) yield makeRecord(i, random, options.recordBytes);
}

/** The record's file text in its own format. */
export function renderRecord(record: CorpusRecord): string {
  if (record.format === 'txt') return renderDispatch(record);
  const markdown = record.blocks.map(toMarkdown).join('\n\n') + '\n';
  if (record.format === 'json') {
    const [day, time] = record.date.split(' ');
    return `${JSON.stringify({ title: record.title, date: `${day}T${time}`, categories: labelsOf(record), author: record.author, body: markdown }, null, 2)}\n`;
  }
  return [
    '---',
    `title: ${JSON.stringify(record.title)}`,
    `date: ${record.date}`,
    `categories: [${labelsOf(record).join(', ')}]`,
    `author: ${record.author}`,
    '---',
    '',
    markdown,
  ].join('\n');
}

/** The edit every bench makes: the record's title gains a correction mark (a new feed and page version). */
export function editRecordText(file: string, text: string, round: number): string {
  const mark = `[Correction ${round}] `;
  const pattern = file.endsWith('.txt')
    ? /^((?:[^\n]*\n){3})(?:\[Correction \d+\] )?/
    : file.endsWith('.json')
      ? /("title": ")(?:\[Correction \d+\] )?/
      : /^(title: ")(?:\[Correction \d+\] )?/m;
  if (!pattern.test(text)) throw new TypeError(`editRecordText: no title found in ${file}`);
  return text.replace(pattern, (_all, start: string) => `${start}${mark}`);
}

// --- internal ---

function renderConfig(): string {
  const categories = Object.fromEntries(Object.entries(CATEGORIES).map(([slug, label]) => [slug, { label }]));
  const config = {
    title: 'Le Quotidien de banc d’essai',
    description: 'Corpus généré pour mesurer Gazette.',
    siteUrl: 'https://bench.example.org',
    language: 'fr-FR',
    timeZone: 'Europe/Paris',
    author: { name: 'La rédaction', email: 'redaction@bench.example.org' },
    limit: 50,
    categories,
    cacheControl: 'public, max-age=300',
  };
  return `// Generated by bench/corpus.ts; a plain object is what defineConfig returns.\nexport default ${JSON.stringify(config, null, 2)};\n`;
}

/** Exactly the layout of items/000_d101a6bb032ffd19.txt: French date, run-together categories, blank, title, body. */
function renderDispatch(record: CorpusRecord): string {
  const [day] = record.date.split(' ');
  const date = new Date(`${day}T12:00:00Z`);
  const line1 = `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  const lines = [line1, labelsOf(record).join(''), '', record.title, ''];
  for (const block of record.blocks) {
    // A heading line is followed directly by its paragraph, as in the seed file; kickers stand alone.
    if (block.kind === 'heading') lines.push(block.text);
    else lines.push(block.text, '');
  }
  return `${lines.join('\n')}\n`;
}

function labelsOf(record: CorpusRecord): string[] {
  return record.categories.map((slug) => CATEGORIES[slug]!);
}

function toMarkdown(block: Block): string {
  if (block.kind === 'kicker') return `**${block.text}**`;
  if (block.kind === 'heading') return `## ${block.text}`;
  return block.text;
}

function makeRecord(i: number, random: () => number, recordBytes: number): CorpusRecord {
  const roll = i % 10;
  const format = roll === 3 ? 'json' : roll === 7 ? 'txt' : 'md';
  const file = `${folderName(Math.floor(i / FILES_PER_FOLDER))}/${String(i).padStart(6, '0')}-${slugPart(random)}.${format}`;
  const slugs = Object.keys(CATEGORIES);
  const count = 1 + Math.floor(random() * 3);
  const categories: string[] = [];
  while (categories.length < count) {
    const slug = pick(random, slugs);
    if (!categories.includes(slug)) categories.push(slug);
  }
  // Spread over 2020-01-01 … 2025-12-31, to the minute, in Paris wall time.
  const start = Date.UTC(2020, 0, 1);
  const minute = Math.floor(random() * ((Date.UTC(2026, 0, 1) - start) / 60_000));
  const when = new Date(start + minute * 60_000);
  const date = `${when.toISOString().slice(0, 10)} ${when.toISOString().slice(11, 16)}`;
  // The number comes early: slugs are cut at 80 characters, and two articles must never share one.
  const title = `${pick(random, PLACES)} (n° ${i + 1}) : ${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}`;
  const blocks: Block[] = [{ kind: 'kicker', text: `${pick(random, KICKERS)} ${pick(random, PLACES).toUpperCase()}` }];
  let bytes = 300 + title.length;
  while (bytes < recordBytes) {
    const heading = `${pick(random, HEADINGS)} ${pick(random, PLACES)}`;
    const paragraph = Array.from({ length: 4 + Math.floor(random() * 3) }, () => sentence(random)).join(' ');
    blocks.push({ kind: 'heading', text: heading }, { kind: 'paragraph', text: paragraph });
    bytes += Buffer.byteLength(heading) + Buffer.byteLength(paragraph) + 4;
  }
  return { file, format, title, date, categories, author: pick(random, AUTHORS), blocks };
}

function sentence(random: () => number): string {
  const s = `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, TAILS)}`;
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function folderName(folder: number): string {
  return String(folder).padStart(3, '0');
}

function slugPart(random: () => number): string {
  return Math.floor(random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A small, fast, seedable PRNG (public domain); the corpus must not depend on Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `write` over the items with at most 64 at once (so at most 64 files open), pulling items lazily. */
export async function writeAll<T>(items: Iterable<T>, write: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await write(next.value);
  };
  await Promise.all(Array.from({ length: 64 }, worker));
}

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const PLACES = [
  'Paris',
  'Lyon',
  'Marseille',
  'Lille',
  'Bordeaux',
  'Nantes',
  'Strasbourg',
  'Rennes',
  'Toulouse',
  'Montpellier',
  'Rabat',
  'Bruxelles',
  'Genève',
  'Montréal',
  'Dakar',
  'Île-de-France',
];
const SUBJECTS = [
  'le conseil municipal',
  'la préfecture',
  'le gouvernement',
  'l’intersyndicale',
  'la région',
  'le ministère de la Santé',
  'le collectif de quartier',
  'la chambre de commerce',
  'l’université',
  'le club local',
  'la fédération agricole',
  'la rédaction',
  'l’Assemblée nationale',
  'l’opposition',
];
const VERBS = ['adopte', 'annonce', 'conteste', 'présente', 'reporte', 'finance', 'examine', 'dévoile', 'critique', 'soutient', 'lance', 'suspend'];
const OBJECTS = [
  'un budget en hausse de 4 %',
  'le projet de tramway',
  'une réforme des retraites',
  'la rénovation des écoles',
  'un plan contre la sécheresse',
  'le nouveau stade',
  'une hausse des loyers',
  'la fermeture d’une usine',
  'un festival de cinéma',
  'le dispositif « quartiers d’été »',
  'une campagne de vaccination',
  'la candidature aux Jeux',
];
const TAILS = [
  'après des mois de négociations',
  'malgré l’opposition d’une partie des habitants',
  'pour la troisième année consécutive',
  'selon un communiqué publié jeudi',
  'à la veille des élections',
  'dans un contexte d’inflation',
  'sous le regard attentif de l’État',
  'avec le soutien de l’Union européenne',
  '— une première depuis 2015',
  'et promet « des résultats rapides »',
];
const HEADINGS = ['Réactions à', 'Le calendrier retenu à', 'Ce qui change à', 'Les chiffres clés de', 'Un précédent à', 'Les prochaines étapes à'];
const AUTHORS = ['Camille Laurent', 'Karim Benali', 'Sophie Martin', 'Jean-Baptiste Morel', 'Aïcha Diallo', 'Léa Rousseau'];
const KICKERS = ['DERNIÈRE HEURE :', 'ENQUÊTE :', 'REPORTAGE À', 'ANALYSE :', 'ÉDITION SPÉCIALE'];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { size: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const corpus = await writeCorpus({
    size: Number(values.size ?? 1000),
    seed: Number(values.seed ?? 1),
    ...(values.out ? { dir: path.resolve(values.out) } : {}),
  });
  console.log(corpus.root);
}
