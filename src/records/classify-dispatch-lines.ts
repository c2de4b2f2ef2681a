// records: dispatch body lines → blocks: an ALL-CAPS line is a kicker, a short unpunctuated line before a paragraph a heading.
import type { DispatchBlock } from './raw-record.ts';

/** A heading is a short line: longer lines are paragraphs even without closing punctuation. */
export const MAX_HEADING_LENGTH = 120;

/** One non-blank body line with its 1-based line number. */
export interface BodyLine {
  readonly text: string;
  readonly line: number;
}

/**
 * Classifies blank-line-separated groups of lines into blocks, one per line: an ALL-CAPS line is a
 * kicker; a short line without closing punctuation followed by a paragraph (same group or next one) is
 * a heading; any other line is a paragraph. The one exception is a hard-wrapped paragraph: a line that
 * starts in lower case continues the paragraph line above it in the same group, joined with `\n`.
 */
export function classifyBodyLines(groups: readonly (readonly BodyLine[])[]): DispatchBlock[] {
  const flat: { text: string; line: number; group: number }[] = [];
  groups.forEach((group, g) => {
    for (const l of group) flat.push({ text: l.text.trim(), line: l.line, group: g });
  });

  // Classify from the end: whether a line is a heading depends on the kind of the line after it.
  const kinds: DispatchBlock['kind'][] = new Array<DispatchBlock['kind']>(flat.length);
  for (let i = flat.length - 1; i >= 0; i--) {
    const here = flat[i];
    if (here === undefined) continue;
    const next = flat[i + 1];
    if (isKickerLine(here.text)) kinds[i] = 'kicker';
    else if (
      next !== undefined &&
      kinds[i + 1] === 'paragraph' &&
      isHeadingCandidate(here.text) &&
      // Within one group, a next line starting in lower case continues a hard-wrapped sentence.
      !(next.group === here.group && /^\p{Ll}/u.test(next.text))
    )
      kinds[i] = 'heading';
    else kinds[i] = 'paragraph';
  }

  const blocks: DispatchBlock[] = [];
  let open: { kind: DispatchBlock['kind']; lines: string[]; line: number; group: number } | undefined;
  const close = (): void => {
    if (open) blocks.push({ kind: open.kind, text: open.lines.join('\n'), line: open.line });
    open = undefined;
  };
  flat.forEach((l, i) => {
    const kind = kinds[i] ?? 'paragraph';
    if (open && open.group === l.group && open.kind === 'paragraph' && kind === 'paragraph' && /^\p{Ll}/u.test(l.text)) {
      open.lines.push(l.text);
      return;
    }
    close();
    open = { kind, lines: [l.text], line: l.line, group: l.group };
  });
  close();
  return blocks;
}

/** ALL-CAPS: at least one letter and no lower-case letter (`COVID-19 : LES CHIFFRES`). */
export function isKickerLine(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/[\p{Ll}\p{Lt}]/u.test(text);
}

/**
 * A line that may be a heading: short, starts with a capital, digit or opening quote, and does not end
 * with closing punctuation. Closing punctuation is `. ! ? … : ; ,` and a trailing dash (a cut-off line);
 * a closing quote or bracket (`» ” " ) ]`) counts only when sentence punctuation precedes it, so
 * `« Nous sommes prêts »` can head a section but `« Nous sommes prêts. »` cannot.
 */
export function isHeadingCandidate(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return false;
  if (!/^[\p{Lu}\p{Lt}\p{N}«“"'‘([]/u.test(text)) return false;
  const core = text.replace(/[\s\u00a0\u202f]*[»”"’')\]]+$/u, '');
  if (core !== text) return !/[.!?…]$/u.test(core) && core.length > 0;
  return !/[.!?…:;,\-–—]$/u.test(text);
}
