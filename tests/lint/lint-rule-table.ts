// The one harness of the lint rule tables: each format's test file lists its rows, this runs them the same way.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { lineOfMarker } from './feed-docs.ts';

type Lint = (body: string) => readonly Diagnostic[];

/** [rule code, passing document, failing document, text on the line the finding must point at] */
export type RuleRow = [code: string, good: string, bad: string, marker: string];
/** [rule code, W3C class, passing document, failing document, text on the line the finding must point at] */
export type ClassedRuleRow = [code: string, w3c: string, good: string, bad: string, marker: string];
/** [rule code, a document the rule flags as a warning only] */
export type WarningRow = [code: string, bad: string];

const findingsOf = (lint: Lint, body: string, code: string) => lint(body).filter((d) => d.code === code);

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
