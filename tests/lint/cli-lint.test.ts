import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLint, type LintJsonReport } from '../../src/cli/commands/lint.ts';
import { atomDoc, rssDoc, rssItem } from './feed-docs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('gazette-lint-', 'all');
const file = (name: string) => path.join(dir(), name);

beforeAll(async () => {
  await writeFile(file('ok.xml'), atomDoc());
  await writeFile(file('bad.xml'), rssDoc({ items: [rssItem({ link: '<link>/articles/maroc/</link>', extra: '<comments>ftp://example.org/c/</comments>' })] }));
  await writeFile(
    file('rss1.xml'),
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">\n<channel rdf:about="https://example.org/"><title>T</title><link>https://example.org/</link><description>D</description><items/></channel>\n</rdf:RDF>',
  );
  await writeFile(file('utf16.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(atomDoc().replace('utf-8', 'utf-16'), 'utf16le')]));
});

/** Runs `gazette lint` with streams that keep what is written. */
async function lint(files: string[], json: boolean) {
  const out = { stdout: '', stderr: '' };
  const code = await runLint(
    { files, json },
    { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, env: {} },
  );
  return { code, ...out };
}

describe('gazette lint --json', () => {
  it('prints exactly one JSON object with every file, finding and count', async () => {
    const result = await lint([file('ok.xml'), file('bad.xml'), file('utf16.xml'), file('missing.xml')], true);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout) as LintJsonReport;
    expect(Object.keys(report)).toEqual(['files', 'errors', 'warnings']);
    expect(report.files.map((f) => [f.file, f.format])).toEqual([
      [file('ok.xml'), 'atom'],
      [file('bad.xml'), 'rss'],
      [file('utf16.xml'), 'atom'],
      [file('missing.xml'), null],
    ]);
    expect(report.files[0]!.findings).toEqual([]);
    expect(report.files[2]!.findings).toEqual([]);
    const bad = report.files[1]!.findings;
    expect(bad.map((f) => Object.keys(f))).toEqual(bad.map(() => ['line', 'severity', 'rule', 'w3c', 'message']));
    expect(bad.map((f) => [f.severity, f.rule, f.w3c])).toEqual([
      ['error', 'url-invalid', 'InvalidFullLink'],
      ['warning', 'url-absolute', null],
    ]);
    expect(bad.every((f) => typeof f.line === 'number' && f.message.length > 0)).toBe(true);
    expect(report.files[3]!.findings.map((f) => [f.line, f.rule, f.w3c])).toEqual([[null, 'unreadable', null]]);
    expect([report.errors, report.warnings]).toEqual([2, 1]);
  });

  it('exits 0 when no file has an error', async () => {
    const result = await lint([file('ok.xml')], true);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ files: [{ file: file('ok.xml'), format: 'atom', findings: [] }], errors: 0, warnings: 0 });
  });
});

describe('gazette lint', () => {
  it('prints findings on stderr and a count on stdout', async () => {
    const result = await lint([file('bad.xml')], false);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file('bad.xml')}:`);
    expect(result.stderr).toContain('1 error, 1 warning');
    expect(result.stdout).toBe('1 feed linted\n');
  });

  it('names a document kind Gazette does not write', async () => {
    const result = await lint([file('rss1.xml')], false);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${file('rss1.xml')}: read as RSS 1.0 (RDF)\n`);
    expect(result.stdout).toBe('1 feed linted: ok\n');
  });

  it('asks for a file and exits 2 without one', async () => {
    const result = await lint([], false);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/name at least one feed file/);
  });
});
