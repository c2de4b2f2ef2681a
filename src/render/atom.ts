// render: FeedDefinition → Atom 1.0 document text (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { renderFeedXml } from './to-feed-item.ts';
import { escapeXml } from './xml-safe.ts';

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/** Renders `feed` as an Atom 1.0 document with xml:lang, self/alternate links and a feed-level author. */
export function renderAtom(feed: FeedDefinition, config: ResolvedConfig): string {
  const xml = renderFeedXml(feed, config, 'atom');
  // `feed` writes no language in Atom; RFC 4287 §2 lets xml:lang on the root cover every entry.
  const root = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(config.language)}">`;
  return `${xml.replace(ATOM_ROOT, root)}\n`;
}
