// cli: `gazette lint FILE…` — the feed linter on feed files already written (by Gazette or anyone).
import { readFile } from 'node:fs/promises';
import { lintFeed } from '../../lint/lint-feed.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { plural, printDiagnostics } from '../report.ts';

/** Arguments of `gazette lint`. */
export interface LintArgs {
  files: readonly string[];
}

/** Lints each file (format from its content); 0 when none has an error. */
export async function runLint(args: LintArgs): Promise<number> {
  if (args.files.length === 0) {
    process.stderr.write('gazette lint: name at least one feed file, e.g. gazette lint dist/feed.xml\n');
    return 2;
  }
  const diagnostics: Diagnostic[] = [];
  for (const file of args.files) {
    let body: string;
    try {
      body = await readFile(file, 'utf8');
    } catch (error) {
      diagnostics.push({ severity: 'error', file, code: 'unreadable', message: (error as Error).message });
      continue;
    }
    diagnostics.push(...lintFeed({ path: file, body, format: sniffFormat(body) }));
  }
  const errors = printDiagnostics(diagnostics);
  process.stdout.write(`${plural(args.files.length, 'feed')} linted${errors > 0 ? '' : ': ok'}\n`);
  return errors > 0 ? 1 : 0;
}

// --- internal ---

/** JSON Feed starts with `{`; an XML document is Atom when its root is `feed`, else RSS. */
function sniffFormat(body: string): 'rss' | 'atom' | 'json' {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  const root = /<(?!\?|!)([\w:.-]+)/.exec(start)?.[1] ?? '';
  return root.replace(/^.*:/, '') === 'feed' ? 'atom' : 'rss';
}
