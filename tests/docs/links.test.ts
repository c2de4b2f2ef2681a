// The README and the reference in docs/ link each other with relative paths (they work on GitHub and in a clone):
// every such link must name a file that exists and, with a #fragment, a heading of that file as GitHub slugs it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { casesOf } from '../helpers/cases.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const docFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
    .sort(),
];

/** Lines outside fenced code blocks, with inline code spans blanked (a `[x](y)` in code is no link). */
function proseLines(text: string): Array<[number, string]> {
  const lines: Array<[number, string]> = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) lines.push([i + 1, line.replace(/`+[^`]*`+/g, '')]);
  });
  return lines;
}

/**
 * GitHub's heading anchor (github-slugger): lower-case, drop everything but letters (accents included), marks,
 * digits, `_`, `-` and spaces, spaces → `-`; a repeated slug gets `-1`, `-2`… Code spans keep their text.
 */
function slugsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const base = slugify(heading[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}

function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Why a relative link from `fromFile` (relative to the repository) is broken, or null when it resolves. */
function brokenLink(fromFile: string, target: string): string | null {
  const [path = '', fragment] = target.split('#', 2);
  const file = path === '' ? join(root, fromFile) : resolve(dirname(join(root, fromFile)), decodeURI(path));
  if (!existsSync(file)) return `no file ${relative(root, file)}`;
  if (fragment === undefined || fragment === '') return null;
  if (!file.endsWith('.md')) return `a #${fragment} into ${relative(root, file)}, which has no headings`;
  return slugsOf(readFileSync(file, 'utf8')).has(decodeURIComponent(fragment)) ? null : `no heading #${fragment} in ${relative(root, file)}`;
}

const links = docFiles.flatMap((file) =>
  proseLines(readFileSync(join(root, file), 'utf8')).flatMap(([line, text]) =>
    [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
      .map((m) => m[1] ?? '')
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => ({ where: `${file}:${line}`, file, target })),
  ),
);

describe('the links of README.md and docs/', () => {
  it.each(links)('$where links to $target, which resolves', ({ where, file, target }) => {
    expect(brokenLink(file, target), `${where} → ${target}`).toBeNull();
  });

  it.each(docFiles.filter((f) => f !== 'README.md'))('the README links %s, which links back to the README', (page) => {
    expect(links.some((l) => l.file === 'README.md' && l.target === page)).toBe(true);
    expect(links.some((l) => l.file === page && l.target === '../README.md')).toBe(true);
  });
});

describe('the link checker', () => {
  it.each(casesOf('docs/links', 'links', 'string', 'string'))('slugs the heading %j as #%s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });

  it('gives a repeated heading -1, -2… and ignores # lines in code blocks', () => {
    expect([...slugsOf('# A\n\n## A\n\n```sh\n# B\n```\n### A')]).toEqual(['a', 'a-1', 'a-2']);
  });

  it.each(casesOf('docs/links', 'broken or not', 'string', 'string', 'boolean'))('from %s, the link %s is broken: %s', (from, target, broken) => {
    expect(brokenLink(from, target) !== null).toBe(broken);
  });
});
