// render: FeedSet → every document of the site (three feed formats per feed, HTML pages), as text: the plan of
// plan-site.ts, rendered in its order.
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import { planSite, renderPlanned } from './plan-site.ts';
import type { RenderedDocument } from './rendered-document.ts';

export { CONTENT_TYPES, type RenderedDocument } from './rendered-document.ts';

/** Renders every feed in RSS, Atom and JSON Feed, and every HTML page, in a stable order. */
export function renderSite(feedSet: FeedSet, config: ResolvedConfig): RenderedDocument[] {
  return planSite(feedSet, config).map((planned) => renderPlanned(planned));
}
