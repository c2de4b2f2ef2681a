// lint: JSON Feed 1.1 rules (https://www.jsonfeed.org/version/1.1/), with best-effort line numbers.
import { createLineLocator } from '../_lib/line-locator.ts';
import { JSON_FEED_VERSION } from '../_lib/feed-formats.ts';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { checkCharacters } from './check-characters.ts';
import { checkPlausibleDate, checkRfc3339Date } from './check-dates.ts';
import { checkHtmlContent, checkPlainText } from './content-html.ts';
import type { LintReport } from './lint-report.ts';
import { isAbsoluteHttpUrl, isLanguageTag } from './value-checks.ts';
import { findDeepJson } from '../_lib/find-deep-json.ts';

/** Deeper nesting than this is refused before parsing (a JSON Feed needs about five levels). */
const MAX_DEPTH = 256;
const FEED_URLS = ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon'];
const ITEM_URLS = ['url', 'external_url', 'image', 'banner_image'];

/** Applies the JSON Feed 1.1 rules to a document's text. */
export function lintJsonFeed(report: LintReport, body: string, now: Date): void {
  const { lineOf } = createLineLocator(body);
  const deep = findDeepJson(body, MAX_DEPTH);
  if (deep !== undefined) {
    report.error(
      'json-depth',
      lineOf(deep),
      undefined,
      `arrays and objects nest more than ${MAX_DEPTH} levels deep here; no feed needs that, and parsers give up`,
    );
    return;
  }
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    report.error(
      'json-malformed',
      first ? lineOf(first.offset) : 1,
      undefined,
      `not valid JSON: ${first ? printParseErrorCode(first.error) : 'empty document'}`,
    );
    return;
  }
  const at = (node: Node | undefined) => (node ? lineOf(node.offset) : undefined);
  if (root.type !== 'object') {
    report.error('json-root', 1, undefined, 'a JSON Feed is an object');
    return;
  }
  const get = (parent: Node, key: string) => findNodeAtLocation(parent, [key]);

  // Strings are checked after decoding: JSON may carry forbidden characters as \u escapes.
  visitStrings(root, (node) => checkCharacters(report, node.value as string, () => lineOf(node.offset)));

  const version = get(root, 'version');
  if (version?.value !== JSON_FEED_VERSION) {
    report.error(
      'json-version',
      at(version) ?? 1,
      'version',
      `version must be "${JSON_FEED_VERSION}", got ${version ? JSON.stringify(version.value) : 'none'}`,
    );
  }
  const title = get(root, 'title');
  if (typeof title?.value !== 'string' || title.value.trim() === '') {
    report.error('missing-required', at(title) ?? 1, 'title', 'the feed needs a non-empty string "title"');
  }
  for (const key of FEED_URLS) checkUrlField(report, get(root, key), key, at);
  checkLanguage(report, get(root, 'language'), at);
  checkAuthors(report, get(root, 'authors'), at);
  const hubs = get(root, 'hubs');
  if (hubs && hubs.type !== 'array') report.error('hubs-shape', at(hubs), 'hubs', '"hubs" must be an array of { type, url }');
  for (const hub of hubs?.children ?? []) checkUrlField(report, hub.type === 'object' ? get(hub, 'url') : hub, 'hubs.url', at);

  const items = get(root, 'items');
  if (!items) {
    report.error('missing-required', 1, 'items', 'the feed needs an "items" array');
    return;
  }
  if (items.type !== 'array') {
    report.error('items-array', at(items), 'items', '"items" must be an array');
    return;
  }
  const ids = new Map<string, number>();
  for (const item of items.children ?? []) {
    const line = lineOf(item.offset);
    if (item.type !== 'object') {
      report.error('item-object', line, 'items', 'each item must be an object');
      continue;
    }
    const id = get(item, 'id');
    if (!id) report.error('missing-required', line, 'id', 'the item needs an "id"');
    else if (typeof id.value !== 'string' || id.value === '')
      report.error('id-type', at(id), 'id', `"id" must be a non-empty string, got ${JSON.stringify(id.value)}`);
    else if (ids.has(id.value)) report.error('id-duplicate', at(id), 'id', `"${id.value}" is also the id of the item at line ${ids.get(id.value)}`);
    else ids.set(id.value, line);

    const html = get(item, 'content_html');
    const text = get(item, 'content_text');
    if (typeof html?.value !== 'string' && typeof text?.value !== 'string') {
      report.error('content-missing', line, 'content_html', 'the item needs "content_html" or "content_text"');
    }
    if (typeof html?.value === 'string') checkHtmlContent(report, html.value, () => lineOf(html.offset), 'content_html');
    const itemTitle = get(item, 'title');
    if (typeof itemTitle?.value === 'string') checkPlainText(report, itemTitle.value, at(itemTitle), 'title');
    for (const key of ['date_published', 'date_modified']) {
      const node = get(item, key);
      if (!node) continue;
      const date = typeof node.value === 'string' ? checkRfc3339Date(report, node.value, at(node), key) : undefined;
      if (typeof node.value !== 'string') report.error('date-rfc3339', at(node), key, `"${key}" must be an RFC 3339 string`);
      if (date) checkPlausibleDate(report, date, now, at(node), key);
    }
    for (const key of ITEM_URLS) checkUrlField(report, get(item, key), key, at);
    checkLanguage(report, get(item, 'language'), at);
    checkAuthors(report, get(item, 'authors'), at);
    const tags = get(item, 'tags');
    if (tags && (tags.type !== 'array' || tags.children?.some((t) => t.type !== 'string'))) {
      report.error('tags-shape', at(tags), 'tags', '"tags" must be an array of strings');
    }
    for (const tag of tags?.children ?? []) if (typeof tag.value === 'string') checkPlainText(report, tag.value, at(tag), 'tags');
    for (const attachment of get(item, 'attachments')?.children ?? []) {
      checkUrlField(report, attachment.type === 'object' ? get(attachment, 'url') : attachment, 'attachments.url', at);
    }
  }
}

// --- internal ---

type LineOf = (node: Node | undefined) => number | undefined;

function checkUrlField(report: LintReport, node: Node | undefined, field: string, at: LineOf): void {
  if (!node) return;
  if (typeof node.value !== 'string' || !isAbsoluteHttpUrl(node.value)) {
    report.error('url-absolute', at(node), field, `${JSON.stringify(node.value ?? null)} must be an absolute http(s) URL`);
  }
}

function checkLanguage(report: LintReport, node: Node | undefined, at: LineOf): void {
  if (node && (typeof node.value !== 'string' || !isLanguageTag(node.value))) {
    report.error('language-tag', at(node), 'language', `${JSON.stringify(node.value ?? null)} is not a language tag such as "fr-FR"`);
  }
}

/** JSON Feed 1.1 §authors: an array of objects, each with at least one of name, url, avatar. */
function checkAuthors(report: LintReport, node: Node | undefined, at: LineOf): void {
  if (!node) return;
  if (node.type !== 'array') {
    report.error('authors-shape', at(node), 'authors', '"authors" must be an array of { name, url, avatar } objects');
    return;
  }
  for (const author of node.children ?? []) {
    if (author.type !== 'object') {
      report.error('authors-shape', at(author), 'authors', 'each author must be an object { name, url, avatar }, not a string');
      continue;
    }
    const fields = ['name', 'url', 'avatar'].map((k) => findNodeAtLocation(author, [k]));
    if (fields.every((f) => typeof f?.value !== 'string' || f.value === '')) {
      report.error('authors-shape', at(author), 'authors', 'an author needs at least one of "name", "url" or "avatar"');
    }
    // JSON Feed 1.1 §authors: "The URL could be a mailto: link".
    const url = fields[1];
    if (!(typeof url?.value === 'string' && /^mailto:[^\s@]+@[^\s@]+$/.test(url.value))) checkUrlField(report, url, 'authors.url', at);
    checkUrlField(report, fields[2], 'authors.avatar', at);
  }
}

/** Calls `visit` on every string node under `root`, in document order, without recursion. */
function visitStrings(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'string') visit(node);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
