import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { casesOf } from '../helpers/cases.ts';
import { atomDocOf } from './doc-specs.ts';
import { atomDoc, atomEntry, lineOfMarker, NOW } from './feed-docs.ts';
import { describeClassedRules, describeRules, describeValid, describeWarnings, itWarnsOnly, ruleTablesOf } from './lint-rule-table.ts';

const tables = ruleTablesOf('lint/lint-atom', atomDocOf);
const lint = (body: string) => lintFeed({ path: '/atom.xml', body, format: 'atom', now: NOW });
const same = (n: number) => atomEntry({ updated: '<updated>2024-11-22T00:00:00+01:00</updated>' }, n);

describe('lintFeed (Atom 1.0)', () => {
  describeValid(lint, atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1), atomEntry({}, 2)] }));

  describeRules(lint, tables.rules);

  // feedvalidator: DuplicateUpdated — any two entries of one feed with the same <updated>.
  describe('rule same-updated', () => {
    it('warns once, at the first entry, when entries share one updated value', () => {
      const body = atomDoc({ entries: [same(0), same(1), atomEntry({}, 2)] });
      expect(
        lint(body)
          .filter((d) => d.code === 'same-updated')
          .map((d) => [d.severity, d.line]),
      ).toEqual([['warning', lineOfMarker(body, '<updated>2024-11-22T00:00:00+01:00</updated>\n<published>2024-11-22')]]);
    });
    it('warns when only two of four entries share it, as the validator does', () => {
      expect(lint(atomDoc({ entries: [same(0), same(1), atomEntry({}, 2), atomEntry({}, 3)] })).map((d) => d.code)).toEqual(['same-updated']);
    });
    it('says nothing when every entry has its own updated', () => {
      expect(lint(atomDoc({ entries: [atomEntry({}, 0), atomEntry({}, 1)] })).map((d) => d.code)).toEqual([]);
    });
  });

  describe('when a rule is a warning in the W3C validator', () => {
    describeWarnings(lint, tables.warnings);
  });
});

describe('lintFeed (Atom 1.0), rules with their W3C class', () => {
  describeClassedRules(lint, tables.classed);

  itWarnsOnly(lint, tables.warningsOnly, 'reports %s as a warning, as the validator does');
});

describe('lintFeed (Atom 1.0), faults named with the class the W3C validator gives them', () => {
  it.each(casesOf('lint/lint-atom', 'faults', 'string', 'string', 'strings'))('reports %s with that class only', (_label, content, expected) => {
    const found = lint(atomDoc({ entries: [atomEntry({ summary: '', content })] })).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual(expected);
  });

  it.each([
    ['https://creativecommons.org/licenses/by/4.0/', []],
    ['Attribution-NonCommercial', ['url-invalid/InvalidFullLink']],
  ])('reads creativeCommons:license %s in a feed and an entry as a full URI', (license, expected) => {
    const root = '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cc="http://backend.userland.com/creativeCommonsRssModule" xml:lang="fr-FR">';
    const body = atomDoc({
      root,
      head: { extra: `<cc:license>${license}</cc:license>` },
      entries: [atomEntry({ extra: `<cc:license>${license}</cc:license>` })],
    });
    const found = lint(body).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual([...expected, ...expected]);
  });

  it('reports text beside the elements of an entry as UnexpectedText', () => {
    const found = lint(atomDoc({ entries: [atomEntry({ extra: 'texte égaré' })] })).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code}/${d.w3c}`)).toEqual(['unexpected-text/UnexpectedText']);
  });
});
