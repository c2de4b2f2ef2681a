// The one harness of the lint rule tables: each format's rows are data (tests/fixtures/cases/lint/), run the same way.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { casesOf } from '../helpers/cases.ts';
import { lineOfMarker } from './feed-docs.ts';

type Lint = (body: string) => readonly Diagnostic[];

/** [rule code, passing document, failing document, text on the line the finding must point at] */
export type RuleRow = [code: string, good: string, bad: string, marker: string];
/** [rule code, W3C class, passing document, failing document, text on the line the finding must point at] */
export type ClassedRuleRow = [code: string, w3c: string, good: string, bad: string, marker: string];
/** [rule code, a document the rule flags as a warning only] */
export type WarningRow = [code: string, bad: string];
/** [what the document holds, rule code, a document in which the rule is a warning and nothing is an error] */
export type LabelledWarningRow = [label: string, code: string, bad: string];

/** Builds the document a row's data describes (doc-specs.ts: rssDocOf, atomDocOf). */
type DocOf = (spec: unknown) => string;

/** The rule tables of one format, tables `rules`, `classed`, `warnings` and `warnings only` of tests/fixtures/cases/`file`.json. */
export function ruleTablesOf(file: string, docOf: DocOf) {
  return {
    rules: casesOf(file, 'rules', 'string', 'json', 'json', 'string').map(([code, good, bad, marker]): RuleRow => [code, docOf(good), docOf(bad), marker]),
    classed: casesOf(file, 'classed', 'string', 'string', 'json', 'json', 'string').map(
      ([code, w3c, good, bad, marker]): ClassedRuleRow => [code, w3c, docOf(good), docOf(bad), marker],
    ),
    warnings: casesOf(file, 'warnings', 'string', 'json').map(([code, bad]): WarningRow => [code, docOf(bad)]),
    warningsOnly: casesOf(file, 'warnings only', 'string', 'string', 'json').map(([label, code, body]): LabelledWarningRow => [label, code, docOf(body)]),
  };
}

const findingsOf = (lint: Lint, body: string, code: string) => lint(body).filter((d) => d.code === code);

/** A valid document of the format raises nothing at all. */
export function describeValid(lint: Lint, body: string): void {
  describe('when the feed is valid', () => {
    it('reports nothing', () => {
      expect(lint(body)).toEqual([]);
    });
  });
}

/** Each row: the good document raises nothing of the rule; the bad one raises it on the marker's line. */
export function describeRules(lint: Lint, rows: readonly RuleRow[]): void {
  describe.each(rows)('rule %s', (code, good, bad, marker) => {
    it('passes the good document', () => {
      expect(findingsOf(lint, good, code)).toEqual([]);
    });
    it('flags the bad document on the right line', () => {
      expect(findingsOf(lint, bad, code).map((d) => d.line)).toContain(lineOfMarker(bad, marker));
    });
  });
}

/** As {@link describeRules}, and the finding carries the W3C validator's class of the row. */
export function describeClassedRules(lint: Lint, rows: readonly ClassedRuleRow[]): void {
  describe.each(rows)('rule %s (%s)', (code, w3c, good, bad, marker) => {
    it('passes the good document', () => {
      expect(findingsOf(lint, good, code)).toEqual([]);
    });
    it('flags the bad document on the right line with the class', () => {
      expect(findingsOf(lint, bad, code).map((d) => [d.line, d.w3c])).toContainEqual([lineOfMarker(bad, marker), w3c]);
    });
  });
}

/** Each row: the rule raises exactly one finding, a warning, as the W3C validator does. */
export function describeWarnings(lint: Lint, rows: readonly WarningRow[]): void {
  describe.each(rows)('rule %s', (code, bad) => {
    it('is a warning, as in the W3C validator', () => {
      expect(findingsOf(lint, bad, code).map((d) => d.severity)).toEqual(['warning']);
    });
  });
}

/** Each row, under `title` (its %s the label): the rule raises a warning and the document no error at all. */
export function itWarnsOnly(lint: Lint, rows: readonly LabelledWarningRow[], title: string): void {
  it.each(rows)(title, (_label, code, body) => {
    const found = lint(body);
    expect(found.filter((d) => d.code === code).map((d) => d.severity)).toEqual(['warning']);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });
}
