// config: the typed shape of feed.config.ts; `defineConfig` is an identity that only adds types.

/** A person credited for an article or the whole feed. */
export interface Author {
  /** Display name, e.g. `Rédaction`. */
  name: string;
  /** E-mail address; RSS `<author>` only ever carries this. */
  email?: string;
  /** Home page or profile URL (absolute). */
  url?: string;
}

/** Optional label and description for one category, keyed by its slug. */
export interface CategorySettings {
  /** Display name, e.g. `Société`; also a word of the vocabulary used to split run-together categories. */
  label?: string;
  /** One sentence used as the category feed's description. */
  description?: string;
}

/** What a site writes in `feed.config.ts`. Only `title` and `siteUrl` are required. */
export interface GazetteConfig {
  /** Feed and site title. */
  title: string;
  /** One-sentence description of the site. */
  description?: string;
  /** Absolute base URL of the public site, e.g. `https://example.org` (a path is allowed). */
  siteUrl: string;
  /** BCP 47 language tag of the feeds. Default `fr-FR`. */
  language?: string;
  /** IANA zone for dates written without an offset. Default `Europe/Paris`. */
  timeZone?: string;
  /** Feed-level author, so every Atom entry has one. Default: `{ name: title }`. */
  author?: Author | string;
  /** Copyright line. Default: `© <title>`. */
  copyright?: string;
  /** Articles per feed, newest first. Default 50. */
  limit?: number;
  /** Largest RSS, Atom or JSON Feed document in bytes: oldest items fall back to their summary, then drop. Default 1 MiB. */
  maxFeedBytes?: number;
  /** Labels and descriptions per category slug. */
  categories?: Record<string, CategorySettings>;
  /** Date part of the `tag:` URIs (RFC 4151), `YYYY-MM-DD` or `YYYY`. Fixed once the site publishes. Default `2024-01-01`. */
  tagDate?: string;
  /** WebSub hub URL, or a list of them: advertised in every feed and `Link` header, and told of every change. */
  hub?: string | string[];
  /** Absolute URL of the publisher's logo, named in each article page's NewsArticle JSON-LD. */
  logo?: string;
  /** Folder of article records. Default `items`. */
  itemsDir?: string;
  /** Folder `gazette build` writes to. Default `dist`. */
  outDir?: string;
  /** `Cache-Control` header of served feeds. Default `public, max-age=300`. */
  cacheControl?: string;
  /** False: publish the feeds only, no HTML pages. Default true. */
  pages?: boolean;
  /**
   * False: no publication ledger (`items/.published.json`) is read or written, for a read-only items folder.
   * Default true.
   */
  ledger?: boolean;
  /** Folder of static assets copied into the output as they are, relative to the config file. Default `public`. */
  publicDir?: string;
  /** Google News sitemap (`sitemap-news.xml`): `name` is its `news:publication/news:name`; default the `title`. */
  newsSitemap?: { name?: string };
  /** Opt-in limit on full (200) downloads of one feed per client address. Default: off. */
  rateLimit?: {
    /** Full downloads of the same feed one client may make per hour; the next gets 429 with `Retry-After`. */
    fullResponsesPerHour: number;
    /** Take the client address from `X-Forwarded-For` (set by your proxy), not the socket. Default: `trustProxy`. */
    trustProxy?: boolean;
  };
  /** A proxy stands in front: client addresses come from `X-Forwarded-For` (its last entry). Default false. */
  trustProxy?: boolean;
  /** Per-record limits; each one left out keeps its default (see docs/reliability.md). */
  limits?: {
    /** Largest record file, in bytes. Default 2,000,000. */
    recordBytes?: number;
    /** Largest body, in UTF-8 bytes. Default 1,000,000. */
    bodyBytes?: number;
    /** Most categories in one record. Default 20. */
    categoriesPerRecord?: number;
    /** Most YAML alias expansions in one front matter value. Default 50. */
    yamlAliases?: number;
    /** Deepest nesting of JSON/YAML values and Markdown quotes and lists. Default 64. */
    nestingDepth?: number;
  };
}

/** Typed identity for `feed.config.ts`: `export default defineConfig({ … })`. */
export function defineConfig(config: GazetteConfig): GazetteConfig {
  return config;
}
