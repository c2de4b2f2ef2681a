// cli: `gazette new "Titre"` — a new draft Markdown record with today's date in the site's zone, its id and slug
// written out so that later title edits and moves change nothing a reader holds.
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { slugify } from '../../article/slug.ts';
import { displayPath } from '../../diagnostics.ts';
import { readLedger } from '../../lifecycle/ledger-store.ts';
import { RECORD_EXTENSIONS } from '../../records/read-items.ts';
import { EXIT } from '../command-spec.ts';
import { processIO, type CliIO } from '../io.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette new`. */
export interface NewArgs extends CommonArgs {
  title: string;
  /** The current instant; injectable for tests. */
  now?: Date;
}

/**
 * Writes `<items>/<slug>.md` as a draft with `id: YYYY/MM/<slug>` (the month it was created, in the site's zone;
 * `-2`, `-3`… when the ledger or a record file already has that id) and `slug`; refuses to overwrite.
 * Returns the exit status.
 */
export async function runNew(args: NewArgs, io: CliIO = processIO()): Promise<number> {
  const title = args.title.trim().normalize('NFC');
  if (!title) {
    io.stderr.write('gazette new: give the title, e.g. gazette new "Le conseil municipal vote le budget"\n');
    return EXIT.usage;
  }
  const config = await loadCommandConfig(args);
  const slug = slugify(title);
  if (!slug) {
    io.stderr.write(`gazette new: "${title}" gives an empty file name; use letters or digits in the title\n`);
    return EXIT.usage;
  }
  const created = new TZDate(args.now ?? new Date(), config.timeZone);
  const date = format(created, "yyyy-MM-dd'T'HH:mm:ssxxx");
  const file = path.join(config.itemsDir, `${slug}.md`);
  const id = await findFreeId(config.itemsDir, `${format(created, 'yyyy/MM')}/${slug}`);
  const text = [
    '---',
    `title: ${JSON.stringify(title)}`,
    // Both written out: the guid follows the id and the URL the slug, so neither moves with the title or the file.
    `id: ${JSON.stringify(id)}`,
    `slug: ${JSON.stringify(slug)}`,
    `date: ${date}`,
    'categories: []',
    'summary: ""',
    'draft: true',
    '---',
    '',
    'Le texte de l’article, en Markdown.',
    '',
  ].join('\n');
  await mkdir(config.itemsDir, { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr.write(`${displayPath(file)}: already exists; choose another title or edit that file\n`);
      return EXIT.invalid;
    }
    throw error;
  }
  io.stdout.write(`${displayPath(file)}: draft created with id "${id}" (set draft: false to publish)\n`);
  return EXIT.ok;
}

// --- internal ---

/**
 * `base`, else `base-2`, `base-3`…: the first id that neither the ledger (published ids and the paths of moved
 * files) nor a record file named after it (`items/<id>.md`…) already holds. A record elsewhere that sets the same
 * `id` itself is caught by the next build or check, as any duplicate id is.
 */
async function findFreeId(itemsDir: string, base: string): Promise<string> {
  const { value: ledger } = await readLedger(itemsDir);
  const taken = new Set([...ledger.values()].flatMap((entry) => [entry.id, ...entry.aliases]));
  const exists = (id: string) =>
    Promise.any(RECORD_EXTENSIONS.map((ext) => access(path.join(itemsDir, `${id}${ext}`)))).then(
      () => true,
      () => false,
    );
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id) && !(await exists(id))) return id;
  }
}
