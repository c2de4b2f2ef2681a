// article: the `author` field (a name, `Name <email>`, `{ name, email, url }` or a list of them) → Author[].
import type { Author } from '../config/define-config.ts';
import { describeValue } from '../_lib/describe-value.ts';
import { readUrl } from '../_lib/read-url.ts';
import { cleanXmlText } from './xml-text.ts';
import { isAddrSpec } from '../_lib/value-syntax.ts';

/** Receives one finding about the `author` field. */
export type ReportFinding = (severity: 'error' | 'warning', code: string, message: string) => void;

/** Reads every author in record order, reporting each problem; a bad entry is reported and left out. */
export function readAuthors(value: unknown, siteUrl: string, report: ReportFinding): Author[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [value];
  const authors: Author[] = [];
  entries.forEach((entry, index) => {
    const where = Array.isArray(value) ? `entry ${index + 1}: ` : '';
    const author = readAuthor(entry, siteUrl, (severity, code, message) => report(severity, code, `${where}${message}`));
    if (author) authors.push(author);
  });
  return authors;
}

// --- internal ---

const KNOWN_KEYS = ['name', 'email', 'url'];

function readAuthor(entry: unknown, siteUrl: string, report: ReportFinding): Author | undefined {
  if (typeof entry === 'string') {
    const text = clean(entry);
    if (text === '') return undefined;
    // `Claire Dupont <claire@example.org>`, the form mail and RSS tools write.
    const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text);
    if (named?.[1]) return { name: named[1], email: named[2] ?? '' };
    return { name: text };
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || entry instanceof Date) {
    report('error', 'wrong-type', `expected a name or { name, email, url }, got ${describeValue(entry)}`);
    return undefined;
  }
  const fields = entry as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_KEYS.includes(key)) report('warning', 'unknown-key', `unknown key "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
  }
  let ok = true;
  const name = typeof fields.name === 'string' ? clean(fields.name) : '';
  if (name === '') {
    report('error', fields.name === undefined ? 'missing-field' : 'wrong-type', `name: required, a non-empty text, got ${describeValue(fields.name)}`);
    ok = false;
  }
  const author: Author = { name };
  if (fields.email !== undefined && fields.email !== null) {
    const email = typeof fields.email === 'string' ? fields.email.trim() : '';
    if (!isAddrSpec(email)) {
      report('error', 'wrong-type', `email: expected an e-mail address, got ${describeValue(fields.email)}`);
      ok = false;
    } else author.email = email;
  }
  if (fields.url !== undefined && fields.url !== null) {
    const reading = typeof fields.url === 'string' ? readUrl(fields.url, siteUrl) : undefined;
    if (!reading?.ok) {
      report('error', 'wrong-type', `url: ${reading ? reading.message : `expected a URL, got ${describeValue(fields.url)}`}`);
      ok = false;
    } else author.url = reading.url;
  }
  return ok ? author : undefined;
}

function clean(text: string): string {
  return cleanXmlText(text.normalize('NFC'))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}
