// Test helpers: read a rendered page as a DOM (htmlparser2 + domutils), the way the HTML renderers' tests look at it.
import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/** The parsed document of a page's HTML. */
export function page(html: string) {
  return parseDocument(html);
}

/** Every element named `tag` below `root` (none for an absent root). */
export function all(root: unknown, tag: string): Element[] {
  if (root === undefined) return [];
  const nodes = 'children' in (root as object) ? (root as { children: Element[] }).children : [];
  return findAll((e) => e.name === tag, nodes);
}

/** The one element named `tag` below `root`; throws when there are none or several. */
export function only(root: unknown, tag: string): Element {
  const found = all(root, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0]!;
}

export function attr(element: Element, name: string): string | undefined {
  return getAttributeValue(element, name);
}

/** The element's text with runs of white space folded to one space, trimmed. */
export function text(element: Element): string {
  return textContent(element).replace(/\s+/g, ' ').trim();
}

/** The element's href resolved against the URL of the page it is on. */
export function resolve(element: Element, pageUrl: string): string {
  return new URL(attr(element, 'href') ?? '', pageUrl).href;
}

/** The resolved href of every link below `root`. */
export function links(root: Element | undefined, pageUrl: string): string[] {
  return all(root, 'a').map((a) => resolve(a, pageUrl));
}
