// pipeline: what a rebuild can reuse from the build before it (articles, feed lint findings, encoded documents), keyed by content.
//
// Every entry is found by what its stage reads, never by a file's mtime or size: two edits within one second,
// or an edit that keeps the length, still miss. Each stage is pure in those inputs (toArticle in the record and
// the config, encodeDocument in the document, lint in the feed text and the clock, see below), so a hit gives
// the very value a cold build computes, diagnostics included — warnings of unchanged records are still reported.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import { toArticle } from '../article/to-article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { formatOf, lintDocuments } from '../lint/lint-documents.ts';
import type { RawRecord } from '../records/raw-record.ts';
import type { RenderedDocument } from '../render/render-site.ts';
import type { SnapshotEntry } from '../publish/feed-snapshot.ts';
import { encodeDocument } from '../publish/snapshot.ts';

/**
 * Work kept between the builds of one site: pass the same cache to each `buildSite` call, one build at a time.
 * After each build, entries that build did not use are dropped, so memory follows the site, not its history.
 */
export interface BuildCache {
  /** {@link toArticle}, answered from the cache when a record with the same content was read under the same config. */
  toArticle(record: RawRecord, config: ResolvedConfig): Result<Article | undefined>;
  /** {@link lintDocuments}, reusing the findings of each feed whose path and text are unchanged. */
  lintDocuments(documents: readonly RenderedDocument[]): Diagnostic[];
  /** {@link encodeDocument}, reusing the entry while path, content type, lastModified and body are unchanged. */
  encodeDocument(doc: RenderedDocument): SnapshotEntry;
  /** Ends a build: forgets every entry it did not use. */
  finishBuild(): void;
  /** How many entries each table holds (after `finishBuild`: those the last build used). */
  sizes(): { readonly articles: number; readonly lint: number; readonly encodings: number };
}

/** Creates an empty cache; a live site keeps one per mount path, `gazette build` and `check` use none. */
export function createBuildCache(): BuildCache {
  const articles = createGenerations<Result<Article | undefined>>();
  const lint = createGenerations<LintFindings>();
  const encodings = createGenerations<SnapshotEntry>();
  const configKeys = new WeakMap<ResolvedConfig, string | null>();
  // One hash per document and build, shared by the lint and encoding tables.
  const digests = new WeakMap<RenderedDocument, string>();
  const digestOf = (doc: RenderedDocument): string => {
    let digest = digests.get(doc);
    if (digest === undefined) {
      digest = createHash('sha256').update(doc.body, 'utf8').digest('base64url');
      digests.set(doc, digest);
    }
    return digest;
  };

  return {
    toArticle(record, config) {
      let configKey = configKeys.get(config);
      if (configKey === undefined) {
        configKey = serialize(config);
        configKeys.set(config, configKey);
      }
      const recordKey = configKey === null ? null : serialize(record);
      // Something serialize() cannot spell exactly (a Map, a class instance): no key, so no reuse.
      if (configKey === null || recordKey === null) return toArticle(record, config);
      const key = createHash('sha256').update(configKey).update('\0').update(recordKey).digest('base64url');
      const known = articles.get(key);
      if (known) return known;
      const result = toArticle(record, config);
      articles.set(key, result);
      return result;
    },

    lintDocuments(documents) {
      if (!Array.isArray(documents)) throw new TypeError('lintDocuments: documents must be an array');
      const now = Date.now();
      const findings: Diagnostic[] = [];
      for (const doc of documents) {
        // HTML pages are not linted; a body that is not text goes the uncached way.
        if (typeof doc.body !== 'string' || formatOf(doc.contentType, doc.body) === undefined) {
          findings.push(...lintDocuments([doc]));
          continue;
        }
        const key = `${doc.path}\0${doc.contentType}\0${digestOf(doc)}`;
        const known = lint.get(key);
        // The linter reads the clock for one rule: a date more than a day ahead (`date-future`). Findings
        // without it stay true as time moves on, since a date never becomes future later; findings with it
        // may expire, so they are not kept. A clock set back (now < at) recomputes.
        if (known && known.at <= now) {
          findings.push(...known.diagnostics);
          continue;
        }
        const fresh = lintDocuments([doc]);
        if (!fresh.some((d) => d.code === 'date-future')) lint.set(key, { at: now, diagnostics: fresh });
        findings.push(...fresh);
      }
      return findings;
    },

    encodeDocument(doc) {
      if (typeof doc?.body !== 'string' || !(doc.lastModified instanceof Date)) return encodeDocument(doc);
      const key = `${doc.path}\0${doc.contentType}\0${doc.lastModified.getTime()}\0${digestOf(doc)}`;
      const known = encodings.get(key);
      if (known) return known;
      const entry = encodeDocument(doc);
      encodings.set(key, entry);
      return entry;
    },

    finishBuild() {
      articles.finish();
      lint.finish();
      encodings.finish();
    },

    sizes: () => ({ articles: articles.size(), lint: lint.size(), encodings: encodings.size() }),
  };
}

// --- internal ---

interface LintFindings {
  /** Date.now() when they were computed. */
  readonly at: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** A map that keeps, at each `finish()`, only the keys read or written since the previous one. */
interface Generations<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  finish(): void;
  size(): number;
}

function createGenerations<V>(): Generations<V> {
  let kept = new Map<string, V>();
  let used = new Map<string, V>();
  return {
    get(key) {
      const value = used.get(key) ?? kept.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
    },
    finish() {
      kept = used;
      used = new Map();
    },
    size: () => new Set([...kept.keys(), ...used.keys()]).size,
  };
}

/**
 * An exact text form of plain data (what parsers and config files hold): every string is length-prefixed and
 * every value tagged with its type, so `"1"` and `1`, a Date and its ISO text, or `["a,b"]` and `["a","b"]`
 * never share a key. Key order is kept, as toArticle reports unknown keys in file order. Null for anything else.
 */
function serialize(value: unknown): string | null {
  const out: string[] = [];
  return write(value, out, 0) ? out.join('') : null;
}

/** Deeper than any record; a YAML alias cycle ends here instead of recursing forever. */
const MAX_DEPTH = 64;

function write(value: unknown, out: string[], depth: number): boolean {
  switch (typeof value) {
    case 'string':
      out.push('s', String(value.length), ':', value);
      return true;
    case 'number':
      out.push('n', Object.is(value, -0) ? '-0' : String(value), ';');
      return true;
    case 'boolean':
      out.push(value ? 'T' : 'F');
      return true;
    case 'undefined':
      out.push('U');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    out.push('N');
    return true;
  }
  if (depth > MAX_DEPTH) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Date.prototype) {
    out.push('D', String((value as Date).getTime()), ';');
    return true;
  }
  if (Array.isArray(value)) {
    out.push('[', String(value.length), ':');
    for (const item of value) if (!write(item, out, depth + 1)) return false;
    out.push(']');
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  out.push('{', String(keys.length), ':');
  for (const key of keys) {
    out.push(String(key.length), ':', key);
    if (!write((value as Record<string, unknown>)[key], out, depth + 1)) return false;
  }
  out.push('}');
  return true;
}
