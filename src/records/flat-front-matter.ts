// records: the common front matter — `key: value` lines and one-line lists — read without yaml (≈ 3 µs, not ≈ 120).
//
// Only what reads the same under YAML 1.2's core schema with no doubt is read here: a simple key, then a value that
// is a double-quoted string in JSON's syntax (a subset of YAML's, §7.3.1), a single-quoted one (§7.3.2), a plain
// string that no core-schema tag would make a null, boolean or number (§10.3.2), or a flow list of such plain
// strings. Anything else — an indented or empty line, a comment, a `#`, a repeated key, a number, a nested or
// multi-line value, a French " : " — returns undefined, and yaml reads the front matter as before.
// tests/records/flat-front-matter.test.ts checks with fast-check that both give the same values.

/** One field read: its value and the 0-based index of its line in the front matter. */
export interface FlatField {
  readonly value: string | readonly string[];
  readonly index: number;
}

/** The fields of front matter `lines`, in order, or undefined when yaml must read them. */
export function readFlatFrontMatter(lines: readonly string[]): Map<string, FlatField> | undefined {
  const fields = new Map<string, FlatField>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const m = KEY_VALUE.exec(line);
    if (!m) return undefined;
    const key = m[1] ?? '';
    if (fields.has(key) || SPECIAL_PLAIN.test(key)) return undefined;
    const value = readValue(m[2] ?? '');
    if (value === undefined) return undefined;
    fields.set(key, { value, index });
  }
  return fields;
}

// --- internal ---

// A key of letters, digits, `_` and `-` (not first), `:`, one or more spaces, a value ending in no space or tab.
const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_-]*): +(\S(?:.*\S)?)$/;
// A JSON string with no control character (JSON.parse refuses them; YAML's rules for them differ).
const DOUBLE_QUOTED = /^"(?:[^"\\\u0000-\u001F\u007F-\u009F]|\\["\\/bfnrt]|\\u[0-9A-Fa-f]{4})*"$/;
const SINGLE_QUOTED = /^'(?:[^'\u0000-\u001F\u007F-\u009F]|'')*'$/;
// A plain scalar of one line: no indicator first (§7.3.3), no ": " or " #", no `#` at all, no tab or control.
const PLAIN =
  /^[^-?:,[\]{}#&*!|>'"%@`\s\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\u0085](?:(?!: |:$)[^#\t\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\u0085])*$/;
// The same inside a flow list, where `,`, brackets and braces end a scalar (§7.3.3): no `:` either.
const FLOW_ITEM =
  /^[^-?:,[\]{}#&*!|>'"%@`\s\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\u0085][^:,[\]{}#\t\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\u0085]*$/;
// What the core schema would make something other than a string (§10.3.2): null, booleans, numbers; a leading
// digit, sign or dot is left to yaml altogether.
const SPECIAL_PLAIN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$|^[-+.0-9]/;

function readValue(text: string): string | readonly string[] | undefined {
  const first = text[0];
  if (first === '"') return DOUBLE_QUOTED.test(text) ? (JSON.parse(text) as string) : undefined;
  if (first === "'") return SINGLE_QUOTED.test(text) ? text.slice(1, -1).replaceAll("''", "'") : undefined;
  if (first === '[') return readFlowList(text);
  if (!PLAIN.test(text) || (SPECIAL_PLAIN.test(text) && !isDateLike(text))) return undefined;
  return text;
}

/** `2024-11-22` or `2024-11-22 10:30`: the core schema has no timestamp, so these stay strings (yaml agrees). */
function isDateLike(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(text);
}

function readFlowList(text: string): readonly string[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items = inner.split(',').map((item) => item.trim());
  return items.every((item) => FLOW_ITEM.test(item) && !SPECIAL_PLAIN.test(item)) ? items : undefined;
}
