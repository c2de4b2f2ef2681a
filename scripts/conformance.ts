// Conformance: runs `gazette lint` over the W3C Feed Validation Service's test files and prints how often it agrees.
//
//   npm run conformance -- DIR [--source SRC] [--verbose]
//
// DIR is the validator's `testcases/` folder (or any folder of its test files). Each file states what the validator
// must report in a comment, read as its own runner reads it (src/validtest.py):
//   <!-- Description: … Expect: [!]ClassName[{param:value,…}] -->
// `ClassName` is a message class of `feedvalidator/logging.py`; a finding agrees when its `w3c` class is that class
// or a subclass (the runner tests `issubclass`). Parameters are compared only for `element` in `!Class{element:e}`.
// SRC is the validator's source folder (default DIR/../src), read for the class hierarchy and run (Python 3 with
// Debian's python3-html5lib python3-rdflib python3-libxml2 python3-lxml, one process for every file:
// scripts/w3c-validate.py) on the files expecting no class: most are fragments the validator faults too, so the fair
// measure there is a Gazette error the validator itself does not report on the same bytes. Files are grouped by the
// format `gazette lint` detects; extension suites (ext/, gbase/, kml/, opensearch/, opml/) are counted apart, as
// Gazette lints only the core vocabularies and the namespaces it writes. Files expecting a Success class (ValidURI…)
// test one value, often in a fragment the validator also faults, and are counted apart. Exits 1 below the aims, for
// RSS 2.0 and Atom each: ≥ 90 % class agreement on the files that expect an error, ≤ 2 % of the files expecting no
// class with an error the validator does not report (also over every feed format), and no Gazette error, other than
// a rule in STRICTER_ON_PURPOSE, on a file the validator accepts. Exits 2 when the validator cannot run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintFeedFile } from '../src/lint/lint-file.ts';
import { decodeFeed, detectFormat, FORMAT_NAMES, type DocumentFormat } from '../src/lint/read-feed.ts';
import { STRICTER_ON_PURPOSE } from '../src/lint/rules.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import { runW3cValidator, type W3cEvent } from './w3c-events.ts';

const AIM = 0.9;
/** At most this share of the files expecting no class may get a Gazette error the validator does not report. */
const EXTRA_AIM = 0.02;
const EXTRA_LABEL = 'expect no class (`!X`): a Gazette error the validator itself does not report';
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
  format: DocumentFormat;
  findings: Diagnostic[];
  agrees: boolean;
  /** Files expecting no class (`!X`): Gazette errors the validator itself does not report on the same bytes. */
  extra?: Diagnostic[];
  /** The classes of the messages the validator logged on the file (negated files only). */
  events?: string[];
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
    cases.push({ file, group, format, expect: negated ? `!${expect}` : expect, negated, kind, findings, agrees });
  }

  // The fair measure on the files expecting no class: most are fragments the validator also faults (a required
  // element missing…), so a Gazette error counts against it only when the validator, run on the same bytes, reports
  // no message of that class, a subclass or a base class of it (as an error or a warning).
  let validated: Map<string, W3cEvent[]>;
  try {
    validated = runW3cValidator(
      source,
      cases.filter((c) => c.negated).map((c) => c.file),
    );
  } catch (failure) {
    process.stderr.write(`conformance: ${(failure as Error).message}\n`);
    return 2;
  }
  for (const c of cases.filter((x) => x.negated)) {
    const events = (validated.get(c.file) ?? []).filter((e) => isA(e.class, 'Message'));
    c.events = events.map((e) => e.class);
    c.extra = c.findings.filter((d) => d.severity === 'error' && !events.some((e) => d.w3c !== undefined && (isA(e.class, d.w3c) || isA(d.w3c, e.class))));
  }
  for (const c of cases) c.file = path.relative(dir, c.file);

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
      if (core(group) && kind === 'error' && agree / of.length < AIM) failed = true;
      if (core(group) && kind === 'accepted' && agree < of.length) failed = true;
    }
    const negated = inGroup.filter((c) => c.negated);
    const extra = negated.filter((c) => (c.extra ?? []).length > 0).length;
    if (core(group) && extra / Math.max(negated.length, 1) > EXTRA_AIM) failed = true;
    if (negated.length > 0) process.stdout.write(`| ${EXTRA_LABEL} | ${extra} | ${negated.length} | ${pct(extra, negated.length)} |\n`);
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
      for (const c of negated.filter((x) => (x.extra ?? []).length > 0)) {
        const shown = c.extra!.map((d) => `${d.code}/${d.w3c ?? '-'}`).join(' ');
        process.stdout.write(`  extra ${c.expect} ${c.file}: ${shown} (validator: ${c.events!.join(' ') || 'nothing'})\n`);
      }
      for (const c of inGroup.filter((x) => !x.agrees)) {
        const shown = c.findings
          .filter((d) => (c.kind === 'accepted' ? d.severity === 'error' : true))
          .map((d) => `${d.severity === 'error' ? 'E' : 'W'}:${d.code}/${d.w3c ?? '-'}`)
          .join(' ');
        process.stdout.write(`  miss ${c.kind} ${c.expect} ${c.file}: ${shown || '(nothing)'}\n`);
      }
    }
  }
  const total = cases.filter((c) => c.kind === 'error' && core(c.group));
  const agree = total.filter((c) => c.agrees).length;
  // Documents that are no feed (KML, OpenSearch descriptions, APP service documents: format `unknown`) get one
  // `feed-format` error from `gazette lint`, which lints feeds only; they are counted apart.
  const negated = cases.filter((c) => c.negated && c.format !== 'unknown');
  const extra = negated.filter((c) => (c.extra ?? []).length > 0).length;
  const notFeeds = cases.filter((c) => c.negated && c.format === 'unknown').length;
  if (negated.length === 0 || extra / negated.length > EXTRA_AIM) failed = true;
  process.stdout.write(
    `\nOverall, RSS 2.0 and Atom error files: ${agree}/${total.length} (${pct(agree, total.length)}), aim ≥ ${AIM * 100} % each.` +
      `\nFiles expecting no class, every feed format: ${extra}/${negated.length} (${pct(extra, negated.length)}) get a Gazette error` +
      ` the validator does not report on the same bytes, aim ≤ ${EXTRA_AIM * 100} % overall and in RSS 2.0 and Atom each (${notFeeds} more are no feed: not counted).` +
      `\nEvery accepted file free of errors not stricter on purpose. ${failed ? 'NOT MET' : 'All aims met'}.\n`,
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

/** RSS 2.0 and Atom 1.0, the formats Gazette writes: the aims hold for each of them. */
function core(group: string): boolean {
  return group === FORMAT_NAMES.rss || group === FORMAT_NAMES.atom;
}

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
