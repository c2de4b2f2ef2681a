// Conformance: runs `gazette lint` over the W3C Feed Validation Service's test files and prints how often it agrees.
//
//   npm run conformance -- DIR [--source SRC] [--verbose]
//
// DIR is the validator's `testcases/` folder (or any folder of its test files). Each file states what the validator
// must report in a comment, read as its own runner reads it (src/validtest.py):
//   <!-- Description: … Expect: [!]ClassName[{param:value,…}] -->
// `ClassName` is a message class of `feedvalidator/logging.py`; a finding agrees when its `w3c` class is that class
// or a subclass (the runner tests `issubclass`). Parameters are compared only for `element` in `!Class{element:e}`. SRC is the validator's source folder (default DIR/../src), read for
// the class hierarchy. Files are grouped by the format `gazette lint` detects; extension suites (ext/, gbase/, kml/,
// opensearch/, opml/) are counted apart, as Gazette lints only the core vocabularies and the namespaces it writes.
// Files expecting a Success class (ValidURI…) test one value, often in a fragment the validator also faults, and
// are counted apart. Exits 1 below the aim: ≥ 80 % class agreement on the RSS 2.0 and Atom files that expect an error, and no Gazette
// error, other than a rule in STRICTER_ON_PURPOSE, on a file the validator accepts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintFeedFile } from '../src/lint/lint-file.ts';
import { decodeFeed, detectFormat, FORMAT_NAMES, type DocumentFormat } from '../src/lint/read-feed.ts';
import { STRICTER_ON_PURPOSE } from '../src/lint/rules.ts';
import type { Diagnostic } from '../src/diagnostics.ts';

const AIM = 0.8;
const EXTENSION_SUITES = new Set(['ext', 'gbase', 'kml', 'opensearch', 'opml']);
const DESC = /<!--\s*Description:\s*([\s\S]*?)\s*Expect:\s*(!?)(\w*)(?:\{(.*?)\})?\s*-->/;
const VALIDOME = /<!--\s*Description:\s*([\s\S]*?)\s*Message:\s*(!?)(\w*)[\s\S]*?\s*-->/;

type Kind = 'error' | 'warning' | 'accepted' | 'must-not' | 'valid-value';
interface Case {
  file: string;
  group: string;
  expect: string;
  negated: boolean;
  kind: Kind;
  findings: Diagnostic[];
  agrees: boolean;
}

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const dir = args[0];
  const sourceFlag = argv.indexOf('--source');
  const verbose = argv.includes('--verbose');
  if (!dir || !existsSync(dir)) {
    process.stderr.write("usage: npm run conformance -- DIR [--source SRC] [--verbose]   (DIR: the validator's testcases/)\n");
    return 2;
  }
  const source = sourceFlag >= 0 ? argv[sourceFlag + 1]! : path.join(dir, '..', 'src');
  const parents = readHierarchy(path.join(source, 'feedvalidator', 'logging.py'));
  const isA = (cls: string, base: string): boolean => {
    const seen = new Set<string>();
    const todo = [cls];
    while (todo.length > 0) {
      const c = todo.pop()!;
      if (c === base) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      todo.push(...(parents.get(c) ?? []));
    }
    return false;
  };

  const cases: Case[] = [];
  for (const file of walk(dir)) {
    const bytes = readFileSync(file);
    const expectation = readExpectation(bytes.toString('utf8'));
    if (!expectation) continue;
    const { expect, negated, element } = expectation;
    const top = path.relative(dir, file).split(path.sep)[0] ?? '';
    const format: DocumentFormat = detectFormat(decodeFeed(bytes).text);
    const group = EXTENSION_SUITES.has(top) ? `${FORMAT_NAMES[format]} (extension suites)` : FORMAT_NAMES[format];
    let kind: Kind;
    if (negated) kind = ['Message', 'Error', 'Warning', 'LoggedEvent'].includes(expect) ? 'accepted' : 'must-not';
    else if (isA(expect, 'Error')) kind = 'error';
    else if (isA(expect, 'Warning')) kind = 'warning';
    // Success classes (ValidURI…): the validator notes that the value under test is valid; such files are often
    // fragments with other errors, so only "no invalid value reported" is compared.
    else kind = 'valid-value';
    const findings = lintFeedFile(path.relative(dir, file), bytes).diagnostics;
    const has = (d: Diagnostic) => d.w3c !== undefined && isA(d.w3c, expect);
    let agrees: boolean;
    if (kind === 'error' || kind === 'warning') agrees = findings.some(has);
    // "!X{element:e}" forbids X about element e only; a finding's field names its element (`source`, `image/title`…).
    else if (kind === 'must-not')
      agrees = !findings.some((d) => has(d) && (element === undefined || d.field === undefined || d.field === element || d.field.endsWith(`/${element}`)));
    else if (kind === 'valid-value') agrees = !findings.some((d) => d.severity === 'error' && d.w3c !== undefined && isA(d.w3c, 'InvalidValue'));
    else agrees = !findings.some((d) => d.severity === 'error' && !STRICTER_ON_PURPOSE.has(d.code));
    cases.push({ file: path.relative(dir, file), group, expect: negated ? `!${expect}` : expect, negated, kind, findings, agrees });
  }

  const groups = [...new Set(cases.map((c) => c.group))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  let failed = false;
  for (const group of groups) {
    const inGroup = cases.filter((c) => c.group === group);
    process.stdout.write(`\n## ${group}: ${inGroup.length} files\n\n| files | agree | total | % |\n|---|---:|---:|---:|\n`);
    for (const kind of ['error', 'warning', 'accepted', 'valid-value', 'must-not'] as const) {
      const of = inGroup.filter((c) => c.kind === kind);
      if (of.length === 0) continue;
      const agree = of.filter((c) => c.agrees).length;
      process.stdout.write(`| ${LABELS[kind]} | ${agree} | ${of.length} | ${pct(agree, of.length)} |\n`);
      const core = group === FORMAT_NAMES.rss || group === FORMAT_NAMES.atom;
      if (core && kind === 'error' && agree / of.length < AIM) failed = true;
      if (core && kind === 'accepted' && agree < of.length) failed = true;
    }
    const deliberate = new Map<string, number>();
    for (const c of inGroup.filter((x) => x.kind === 'accepted')) {
      for (const code of new Set(c.findings.filter((d) => d.severity === 'error' && STRICTER_ON_PURPOSE.has(d.code)).map((d) => d.code))) {
        deliberate.set(code, (deliberate.get(code) ?? 0) + 1);
      }
    }
    if (deliberate.size > 0) {
      process.stdout.write(
        `\nAccepted files with a deliberate (stricter on purpose) error: ${[...deliberate].map(([code, n]) => `${code} ×${n}`).join(', ')}\n`,
      );
    }
    for (const kind of ['error', 'warning'] as const) {
      const of = inGroup.filter((c) => c.kind === kind);
      if (of.length === 0) continue;
      process.stdout.write(`\n| ${kind} class | agree | total |\n|---|---:|---:|\n`);
      const classes = [...new Set(of.map((c) => c.expect))].sort();
      for (const cls of classes) {
        const byClass = of.filter((c) => c.expect === cls);
        process.stdout.write(`| ${cls} | ${byClass.filter((c) => c.agrees).length} | ${byClass.length} |\n`);
      }
    }
    if (verbose) {
      for (const c of inGroup.filter((x) => !x.agrees)) {
        const shown = c.findings
          .filter((d) => (c.kind === 'accepted' ? d.severity === 'error' : true))
          .map((d) => `${d.severity === 'error' ? 'E' : 'W'}:${d.code}/${d.w3c ?? '-'}`)
          .join(' ');
        process.stdout.write(`  miss ${c.kind} ${c.expect} ${c.file}: ${shown || '(nothing)'}\n`);
      }
    }
  }
  const total = cases.filter((c) => c.kind === 'error' && (c.group === FORMAT_NAMES.rss || c.group === FORMAT_NAMES.atom));
  const agree = total.filter((c) => c.agrees).length;
  process.stdout.write(
    `\nOverall, RSS 2.0 and Atom error files: ${agree}/${total.length} (${pct(agree, total.length)}); aim ≥ ${AIM * 100} % each, and every accepted file free of errors not stricter on purpose: ${failed ? 'NOT MET' : 'met'}\n`,
  );
  return failed ? 1 : 0;
}

const LABELS: Record<Kind, string> = {
  error: 'expect an error: Gazette reports that class',
  warning: 'expect a warning: Gazette reports that class',
  accepted: 'accepted by the validator: no Gazette error (deliberate ones aside)',
  'must-not': 'must not report a class: Gazette does not',
  'valid-value': 'a value the validator finds valid: Gazette reports it no invalid value',
};

function order(group: string): number {
  const i = [FORMAT_NAMES.rss, FORMAT_NAMES.atom].indexOf(group);
  return i < 0 ? (group.includes('extension') ? 3 : 2) : i;
}

function pct(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`;
}

/** The expected message as the validator's runner reads it, or undefined for a file that states none. */
function readExpectation(text: string): { expect: string; negated: boolean; element?: string } | undefined {
  const m = DESC.exec(text);
  if (m) {
    const element = /(?:^|,)\s*element:([^,]*)/.exec(m[4] ?? '')?.[1]?.trim();
    return { expect: m[3]!, negated: m[2] === '!', ...(element ? { element } : {}) };
  }
  const v = VALIDOME.exec(text);
  if (!v) return undefined;
  const name = v[3]!.charAt(0).toUpperCase() + v[3]!.slice(1).toLowerCase();
  return name === 'Valid' ? { expect: 'Message', negated: true } : { expect: name, negated: v[2] === '!' };
}

/** Class → base classes, from the `class X(Y, Z):` lines of the validator's logging.py (empty when absent). */
function readHierarchy(file: string): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  if (!existsSync(file)) {
    process.stderr.write(`conformance: ${file} not found; classes are compared by name only\n`);
    return parents;
  }
  for (const m of readFileSync(file, 'utf8').matchAll(/^class\s+(\w+)\s*\(([^)]*)\)/gm)) {
    parents.set(
      m[1]!,
      m[2]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  return parents;
}

function* walk(dir: string): Generator<string> {
  const todo = [dir];
  while (todo.length > 0) {
    const current = todo.pop()!;
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) todo.push(full);
      else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield full;
    }
  }
}

process.exitCode = main(process.argv.slice(2));
