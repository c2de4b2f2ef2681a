// parseCommandLine and the help texts: the command-line conventions as a table, without running anything.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/main.ts';
import { COMMANDS, closest, commandHelp, editDistance, generalHelp } from '../../src/cli/command-spec.ts';
import { casesOf } from '../helpers/cases.ts';

describe('parseCommandLine', () => {
  it.each([
    // argv, expected (partial)
    [['build'], { kind: 'run', command: 'build', positionals: [] }],
    [['--items', 'x', 'check'], { kind: 'run', command: 'check', values: { items: 'x' } }],
    [['build', '--out', 'public', '--json'], { kind: 'run', command: 'build', values: { out: 'public', json: true } }],
    [['build', '--no-pages', '--future', '--clean', '--force'], { kind: 'run', values: { 'no-pages': true, future: true, clean: true, force: true } }],
    [['serve', '--no-pages', '--future', '--quiet', '--port', '0'], { kind: 'run', values: { 'no-pages': true, future: true, quiet: true, port: '0' } }],
    [['check', '--future', '--json'], { kind: 'run', values: { future: true, json: true } }],
    [['lint', '--json', 'a.xml', 'b.json'], { kind: 'run', command: 'lint', values: { json: true }, positionals: ['a.xml', 'b.json'] }],
    [['new', 'Le', 'titre'], { kind: 'run', command: 'new', positionals: ['Le', 'titre'] }],
    [['init'], { kind: 'run', command: 'init', positionals: [] }],
    [['init', 'mon-site'], { kind: 'run', command: 'init', positionals: ['mon-site'] }],
    [['--version'], { kind: 'version' }],
    [['-v'], { kind: 'version' }],
    [['build', '--version'], { kind: 'version' }],
    [['--help'], { kind: 'help', text: generalHelp() }],
    [['-h'], { kind: 'help', text: generalHelp() }],
    [['help'], { kind: 'help', text: generalHelp() }],
  ])('%j → %o', (argv, expected) => {
    expect(parseCommandLine(argv)).toMatchObject(expected);
  });

  it.each(COMMANDS.filter((c) => c.name !== 'help').map((c) => [c.name] as const))(
    'gazette help %s, gazette %s --help and -h give that command’s help',
    (name) => {
      const help = { kind: 'help', text: commandHelp(COMMANDS.find((c) => c.name === name)!) };
      expect(parseCommandLine(['help', name])).toEqual(help);
      expect(parseCommandLine([name, '--help'])).toEqual(help);
      expect(parseCommandLine([name, '-h'])).toEqual(help);
    },
  );

  it.each([
    // argv, the one-line message
    [[], /^gazette: name a command$/],
    [['buidl'], /^gazette: unknown command "buidl"; did you mean "gazette build"\?/],
    [['serv'], /did you mean "gazette serve"\?/],
    [['chekc'], /did you mean "gazette check"\?/],
    [['frobnicate'], /^gazette: unknown command "frobnicate" \(gazette help lists them\)$/],
    [['build', '--nope'], /^gazette build: unknown option --nope \(gazette help build\)$/],
    [['build', '--outt', 'x'], /^gazette build: unknown option --outt; did you mean --out\?/],
    [['build', '--port', '80'], /^gazette build: unknown option --port/],
    [['check', '--out', 'x'], /^gazette check: unknown option --out/],
    [['lint', '--items', 'x', 'a.xml'], /^gazette lint: unknown option --items/],
    [['build', '--out'], /^gazette build: --out needs a value/],
    [['build', '--json=yes'], /^gazette build: --json takes no value/],
    [['build', 'extra'], /^gazette build: takes no argument, got "extra"/],
    [['init', 'a', 'b'], /^gazette init: takes at most one \[DIR\], got 2/],
    [['help', 'biuld'], /^gazette help: no command "biuld"; did you mean "build"\?/],
    [['--out', 'x'], /^gazette: --out is not an option of gazette itself/],
  ])('%j is a usage error: %s', (argv, message) => {
    const result = parseCommandLine(argv);
    expect(result.kind).toBe('usage-error');
    expect(result.kind === 'usage-error' && result.message).toMatch(message);
  });
});

describe('help texts', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('gazette help %s names every flag of that command', (_name, spec) => {
    const help = commandHelp(spec);
    for (const flag of Object.keys(spec.flags)) expect(help).toContain(`--${flag}`);
    expect(help).toContain('--help');
  });

  it('lists every command and the exit statuses in the general help', () => {
    for (const c of COMMANDS) expect(generalHelp()).toMatch(new RegExp(`^  ${c.name} `, 'm'));
    expect(generalHelp()).toMatch(/0 ok, 1 invalid content.*\n.*2 wrong command line, 70 a bug/);
  });
});

describe('closest', () => {
  it.each([
    ['biuld', 'build'],
    ['buil', 'build'],
    ['srve', 'serve'],
    ['lnit', 'lint'],
    ['CHECK', 'check'],
    ['in', 'init'],
    ['xyz', undefined],
    ['publish', undefined],
  ])('%s → %s', (input, expected) => {
    expect(
      closest(
        input,
        COMMANDS.map((c) => c.name),
      ),
    ).toBe(expected);
  });

  it.each(casesOf('cli/main', 'closest', 'string', 'string', 'number'))('editDistance(%s, %s) = %i, both ways', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
