// site: the settings of a build besides the configuration — where the records are, what to render, the ledger, the
// cache — resolved once by each entry point and handed down whole, so that a new one reaches every layer that keys
// on them (rebuild-engine.ts starts a new builder when any setting differs) without a list to keep by hand.
/** What a build is made with, besides the configuration. Every field takes part in a builder's identity. */
export interface BuildSettings {
  /** Folder of records (absolute). */
  readonly itemsDir: string;
  /** The folder as messages name it (`items`). */
  readonly displayDir: string;
  /** Render HTML pages (default `config.pages`). */
  readonly pages?: boolean;
  /** The publication ledger mode (site-builder.ts); a live site updates it. */
  readonly ledger?: 'update' | 'read' | 'off';
  /** Publish scheduled articles too (previews). */
  readonly future?: boolean;
  /**
   * Folder of the persistent article cache (article-store.ts), or undefined for none: the first build of a mount path
   * takes the articles of unchanged records from it (a warm start) and saves it once done.
   */
  readonly cacheDir?: string;
  /**
   * Render article pages only when one is asked for (rebuild-engine.ts renderPage) instead of in every build: the
   * engine then holds articles without their bodies, and the reply names the pages that changed by key only.
   */
  readonly lazyPages?: boolean;
}

/**
 * A key of settings: the same for the same values, whatever the order of the fields or a field given as undefined
 * (the same as absent); any field, known here or not, takes part.
 */
export function settingsKey(settings: BuildSettings): string {
  const fields = Object.entries(settings).filter(([, value]) => value !== undefined);
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(fields);
}
