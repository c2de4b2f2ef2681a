// cli: every command, its flags and its help, as data — the parser, `gazette help <command>` and docs/command-line.md agree.
// Nothing here imports the pipeline, so `--help` and `--version` stay cheap.
import { editDistance } from '../_lib/edit-distance.ts';
import type { BuildSettings, BuildSettingsInput } from '../site/build-settings.ts';

/** One flag of one command. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder in help, e.g. `DIR`; string flags only. */
  readonly value?: string;
  readonly help: string;
  /**
   * The build setting the flag sets (site/build-settings.ts): a boolean flag sets `value`, a string flag its text.
   * flagSettings reads it for build, check and serve alike: a new build flag is this row and nothing else here.
   */
  readonly setting?: FlagSetting;
}

/** A build setting by name, with the value a boolean flag gives it. */
export type FlagSetting = { readonly [K in keyof BuildSettings]-?: { readonly name: K; readonly value?: BuildSettings[K] } }[keyof BuildSettings];

/** One command: what it does, what it takes. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Positional arguments as shown in usage, e.g. `FILE…`; empty when the command takes none. */
  readonly args: string;
  /** Whether positionals are required (`lint`, `new`), optional (`init`, `help`) or refused. */
  readonly positionals: 'required' | 'optional' | 'none';
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Extra lines under the flags in `gazette help <command>`. */
  readonly notes?: readonly string[];
}

const config: FlagSpec = { type: 'string', value: 'FILE', help: 'Config file (default: feed.config.ts, .mts, .mjs, .js or .json)' };
const items: FlagSpec = { type: 'string', value: 'DIR', help: 'Records folder (default: config itemsDir, else items/)' };
const json: FlagSpec = { type: 'boolean', help: 'Print one JSON document (diagnostics and counts) on stdout, for CI' };
const future: FlagSpec = { type: 'boolean', help: 'Also publish articles dated in the future', setting: { name: 'future', value: true } };
const noPages: FlagSpec = { type: 'boolean', help: 'Feeds only: no HTML pages', setting: { name: 'pages', value: false } };
const noLedger: FlagSpec = {
  type: 'boolean',
  help: 'Neither read nor write the publication ledger (a read-only items folder)',
  setting: { name: 'ledger', value: 'off' },
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'build',
    summary: 'Write every feed and page to --out (default dist/), atomically',
    args: '',
    positionals: 'none',
    flags: {
      config,
      items,
      out: { type: 'string', value: 'DIR', help: 'Output folder (default: config outDir, else dist/)' },
      json,
      'no-pages': noPages,
      future,
      clean: { type: 'boolean', help: 'Replace an output folder that holds files Gazette did not write' },
      force: { type: 'boolean', help: 'Write into an existing folder that is not a previous Gazette output' },
      'no-ledger': noLedger,
      'no-wait': { type: 'boolean', help: 'Exit 1 at once when another build is writing the same --out' },
      best: { type: 'boolean', help: 'Smallest .gz/.br (gzip 9, brotli 11; slower) instead of gzip 6 and brotli 5' },
    },
  },
  {
    name: 'check',
    summary: 'Validate every record and lint the feeds; write nothing',
    args: '',
    positionals: 'none',
    flags: { config, items, json, future, 'no-ledger': noLedger },
  },
  {
    name: 'serve',
    summary: 'Serve the feeds over HTTP and follow edits in the items folder',
    args: '',
    positionals: 'none',
    flags: {
      config,
      items,
      port: { type: 'string', value: 'N', help: 'Port (default: $PORT, else 3000; 0 picks a free one)' },
      host: { type: 'string', value: 'HOST', help: 'Address to bind (default 127.0.0.1)' },
      quiet: { type: 'boolean', help: 'No request log' },
      'no-pages': noPages,
      future,
      'no-ledger': noLedger,
    },
  },
  {
    name: 'ping',
    summary: 'Tell the WebSub hubs which feeds the last build changed (run it after the upload)',
    args: '',
    positionals: 'none',
    flags: {
      config,
      out: { type: 'string', value: 'DIR', help: 'Output folder of the build (default: config outDir, else dist/)' },
      all: { type: 'boolean', help: 'Tell of every feed, not only those the last build changed' },
    },
    notes: [
      'Each hub fetches the feeds it is told of, so ping after the upload: gazette build && <upload> && gazette ping.',
      'Exit 1 when a hub did not answer 2xx (after 3 tries), with one line per failing hub.',
    ],
  },
  {
    name: 'lint',
    summary: 'Lint feed files (RSS, Atom, JSON Feed) given as paths',
    args: 'FILE…',
    positionals: 'required',
    flags: { json },
  },
  {
    name: 'new',
    summary: 'Create a draft record: gazette new "Titre de l’article"',
    args: '"TITRE"',
    positionals: 'required',
    flags: { config, items },
  },
  {
    name: 'init',
    summary: 'Create a new site in DIR (default: the current folder)',
    args: '[DIR]',
    positionals: 'optional',
    flags: {},
    notes: [
      'Writes package.json, feed.config.ts, items/ with one example of each record format, and .gitignore;',
      'never overwrites a file. Then: npm install && npx gazette serve',
    ],
  },
  {
    name: 'help',
    summary: 'Show the help of a command: gazette help build',
    args: '[COMMAND]',
    positionals: 'optional',
    flags: {},
  },
];

/** Flags every command takes. */
export const COMMON_FLAGS: Readonly<Record<string, FlagSpec>> = {
  help: { type: 'boolean', short: 'h', help: 'This help' },
};

/** Exit statuses, as documented in `gazette --help` and docs/command-line.md. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 70 } as const;

/** The build settings a parsed command line gives (the flags with a `setting`), the absent flags left out. */
export function flagSettings(spec: CommandSpec, values: Readonly<Record<string, string | boolean | undefined>>): BuildSettingsInput {
  const settings: Record<string, unknown> = {};
  for (const [flag, { type, setting }] of Object.entries(spec.flags)) {
    const value = values[flag];
    if (setting === undefined || value === undefined || value === false) continue;
    settings[setting.name] = type === 'boolean' ? setting.value : value;
  }
  return settings;
}

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The general help: commands, global flags, exit statuses. */
export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: gazette <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Help of gazette, or of a command (gazette build --help)',
    '  -v, --version  Print the version',
    '',
    'Exit status: 0 ok, 1 invalid content or a problem with a file, folder or port,',
    '             2 wrong command line, 70 a bug in Gazette (please report it).',
    'Colour only on a terminal, never when NO_COLOR is set.',
    '',
  ].join('\n');
}

/** `gazette help <command>`: usage line, flags, notes. */
export function commandHelp(spec: CommandSpec): string {
  const flags = Object.entries({ ...spec.flags, ...COMMON_FLAGS }).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` ${f.value}` : ''}`;
    return [left, f.help] as const;
  });
  const width = Math.max(...flags.map(([left]) => left.length));
  return [
    `Usage: gazette ${spec.name}${spec.args ? ` ${spec.args}` : ''}${Object.keys(spec.flags).length ? ' [options]' : ''}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...flags.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`),
    ...(spec.notes ? ['', ...spec.notes] : []),
    '',
  ].join('\n');
}

export { editDistance };

/** The known name closest to `input` (Damerau–Levenshtein distance ≤ 2, or a prefix), for "did you mean". */
export function closest(input: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.startsWith(input) && input.length >= 2 ? 1 : editDistance(input.toLowerCase(), name);
    if (distance <= Math.min(2, Math.max(1, Math.floor(name.length / 2))) && (!best || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}
