// cli: `gazette new "Titre"` — a new draft Markdown record with today's date in the site's zone.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { slugify } from '../../article/slug.ts';
import { displayPath } from '../../diagnostics.ts';
import { loadCommandConfig, type CommonArgs } from './load.ts';

/** Arguments of `gazette new`. */
export interface NewArgs extends CommonArgs {
  title: string;
  /** The current instant; injectable for tests. */
  now?: Date;
}

/** Writes `<items>/<slug>.md` as a draft; refuses to overwrite. Returns the exit status. */
export async function runNew(args: NewArgs): Promise<number> {
  const title = args.title.trim().normalize('NFC');
  if (!title) {
    process.stderr.write('gazette new: give the title, e.g. gazette new "Le conseil municipal vote le budget"\n');
    return 2;
  }
  const config = await loadCommandConfig(args);
  const slug = slugify(title);
  if (!slug) {
    process.stderr.write(`gazette new: "${title}" gives an empty file name; use letters or digits in the title\n`);
    return 2;
  }
  const date = format(new TZDate(args.now ?? new Date(), config.timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
  const file = path.join(config.itemsDir, `${slug}.md`);
  const text = [
    '---',
    `title: ${JSON.stringify(title)}`,
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
      process.stderr.write(`${displayPath(file)}: already exists; choose another title or edit that file\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(`${displayPath(file)}: draft created (set draft: false to publish)\n`);
  return 0;
}
