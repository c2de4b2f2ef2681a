// cli: `gazette init [DIR]` — a new site for a newsroom that installs Gazette instead of forking it.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../../diagnostics.ts';
import { processIO, type CliIO } from '../io.ts';
import { EXIT } from '../command-spec.ts';
import { packageVersion } from '../package-version.ts';

/** Arguments of `gazette init`. */
export interface InitArgs {
  /** Folder of the new site; created when missing. */
  dir: string;
}

/** Writes the starter files; refuses (exit 1) when any of them already exists, so nothing is overwritten. */
export async function runInit(args: InitArgs, io: CliIO = processIO()): Promise<number> {
  const dir = path.resolve(args.dir);
  const files = starterFiles(path.basename(dir), packageVersion());
  const taken = Object.keys(files).filter((name) => existsSync(path.join(dir, name)));
  if (taken.length > 0) {
    io.stderr.write(
      `gazette init: ${taken.map((name) => displayPath(path.join(dir, name))).join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing written (choose an empty folder: gazette init my-site)\n`,
    );
    return EXIT.invalid;
  }
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
  }
  const shown = displayPath(dir);
  io.stdout.write(
    [
      `New Gazette site in ${shown}/: ${Object.keys(files).join(', ')}`,
      'Next:',
      ...(shown === '.' ? [] : [`  cd ${shown}`]),
      '  npm install',
      '  npx gazette serve     # http://127.0.0.1:3000/, follows edits in items/',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** Every file of a new site, by path relative to its folder. */
export function starterFiles(folderName: string, version: string): Readonly<Record<string, string>> {
  const name =
    folderName
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '') || 'gazette-site';
  const pkg = {
    name,
    private: true,
    type: 'module',
    scripts: {
      start: 'gazette serve',
      serve: 'gazette serve',
      build: 'gazette build',
      check: 'gazette check',
      new: 'gazette new',
    },
    dependencies: { gazette: `^${version}`, express: '^5.1.0' },
  };
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'feed.config.ts': CONFIG,
    'items/bienvenue.md': MARKDOWN_RECORD,
    'items/exemple-json.json': JSON_RECORD,
    'items/depeche-exemple.txt': DISPATCH_RECORD,
    '.gitignore': 'node_modules/\n# gazette build output (outDir in feed.config.ts)\ndist/\n',
  };
}

const CONFIG = `// Configuration of this Gazette site. Only title and siteUrl are required; your editor shows every field
// with its documentation, because defineConfig is typed.
import { defineConfig } from 'gazette';

export default defineConfig({
  // Feed and site title.
  title: 'Ma rédaction',
  // One sentence describing the site.
  description: 'Les dernières nouvelles de la rédaction.',
  // Public address of the site: links, feed self URLs and ids are built from it.
  siteUrl: 'https://www.example.org',
  // Language of the feeds (BCP 47) and the zone of dates written without an offset.
  language: 'fr-FR',
  timeZone: 'Europe/Paris',
  // Credited on every article that names no author.
  author: { name: 'La rédaction', email: 'redaction@example.org' },
  // Articles per feed.
  limit: 50,
  // Date in the tag: URIs of the article ids (RFC 4151); set it once and never change it.
  tagDate: '${new Date().getUTCFullYear()}-01-01',
  // Optional label and description per category slug; once any is set, \`gazette check\` warns about other categories.
  categories: {
    societe: { label: 'Société', description: 'Faits de société, éducation, santé.' },
  },
  // Where records are read and where \`gazette build\` writes (relative to this file).
  itemsDir: 'items',
  outDir: 'dist',
});
`;

const MARKDOWN_RECORD = `---
title: "Bienvenue sur le fil de la rédaction"
date: 2024-11-28 06:45
categories: [Société]
author: { name: Camille Laurent, email: c.laurent@example.org }
summary: Un premier article en Markdown, avec son en-tête YAML.
---

Le corps de l’article, en **Markdown**. Passez \`draft: true\` dans l’en-tête pour le garder hors des fils.
`;

const JSON_RECORD = `${JSON.stringify(
  {
    title: 'Un article au format JSON',
    date: 'jeudi 28 novembre 2024 à 9 h 30',
    categories: 'Société',
    author: 'Marc Petit',
    body: 'Les mêmes champs qu’en Markdown ; le texte dans `body` (Markdown) ou `html`.',
  },
  null,
  2,
)}\n`;

const DISPATCH_RECORD = `jeudi, novembre 28, 2024
Société

Une dépêche d’agence en texte brut

UNE LIGNE EN MAJUSCULES EST UN SURTITRE

Un intertitre
Une ligne courte sans point final, suivie d’un paragraphe, devient un intertitre. Le reste du texte forme des paragraphes séparés par des lignes vides.
`;
