// article: the validated, normalised article every later stage reads. Nothing downstream re-parses.
import type { Author } from '../config/define-config.ts';
import type { NewsGenre } from './read-genres.ts';

/** A category after folding: two names that fold to one slug are one category. */
export interface Category {
  /** ASCII slug, e.g. `societe`. */
  readonly slug: string;
  /** Display name (config label if any, else the first spelling met), NFC, e.g. `Société`. */
  readonly name: string;
}

/** The lead image: `image: <url>` in a record, or `image: { url, alt, caption, credit, width, height }`. */
export interface ArticleImage {
  /** Absolute http(s) URL (a path on the site resolved against `siteUrl`). */
  readonly url: string;
  /** Text alternative for the `<img>` (plain text); undefined when the record gives none (`gazette check` warns). */
  readonly alt: string | undefined;
  /** Plain text caption. */
  readonly caption: string | undefined;
  /** Plain text credit (photographer, agency). */
  readonly credit: string | undefined;
  /** Pixel width, when written. */
  readonly width: number | undefined;
  /** Pixel height, when written. */
  readonly height: number | undefined;
  /** Size in bytes when the URL names a file of the site's static-assets folder (`public/`): the enclosure length. */
  readonly length: number | undefined;
}

/** A correction note published with an article (`corrections: [{ date, text }]`). */
export interface Correction {
  /** When the correction was made. */
  readonly date: Date;
  /** The note, plain text on one line (never HTML: renderers escape it). */
  readonly text: string;
  /**
   * What tells this note apart among the article's notes in the corrections feed, never changed by an edit of its
   * text or of the article: the note's instant (UTC, `20241123T091500Z`), with `-2`, `-3`… for a second, third note
   * of the same instant, in record order.
   */
  readonly key: string;
  /** The line of the note's date in the record, for warnings that need the build's clock. */
  readonly line?: number;
}

/** One publishable article. Every date is a Date, every URL absolute, every string XML-safe. */
export interface Article {
  /** Stable record id: the record's `id`, else its path below `items/` without extension. */
  readonly id: string;
  /** `tag:` URI (RFC 4151) used as RSS guid, Atom id and JSON Feed id. Never changes after publication. */
  readonly guid: string;
  /** URL segment of the article page: `slug` field, else the title folded to ASCII. */
  readonly slug: string;
  /** Plain text title. */
  readonly title: string;
  /** Absolute URL: the record's `link`, else `siteUrl/articles/<slug>/`. */
  readonly link: string;
  /** Publication instant. */
  readonly date: Date;
  /** Last modification instant; equals `date` when the record has no `updated`. */
  readonly updated: Date;
  /** Categories in record order, deduplicated by slug. */
  readonly categories: readonly Category[];
  /** Authors in record order; empty when the record names none (feeds fall back to the site author). */
  readonly authors: readonly Author[];
  /** Plain text summary: the record's, else derived from the body, cut on a word boundary. */
  readonly summary: string;
  /** Full body as sanitised HTML with absolute URLs. */
  readonly html: string;
  /** The lead image, if any. */
  readonly image: ArticleImage | undefined;
  /** Correction notes in record order; `updated` is never before the latest of them. Empty: none. */
  readonly corrections: readonly Correction[];
  /** True: valid but not published. */
  readonly draft: boolean;
  /** Source file, for messages. */
  readonly file: string;
  /**
   * sha256 of the body and summary as the record writes them (not as rendered), so that a new Gazette version that
   * renders Markdown or sanitises HTML differently never passes for a correction (lifecycle/content-hash.ts).
   */
  readonly sourceHash: string;
  /** True when the record wrote `id` itself (the ledger then never gives it another id after a move). */
  readonly idFromRecord: boolean;
  /** True when the record wrote `updated` itself (the ledger then never moves `updated` on a content change). */
  readonly updatedFromRecord: boolean;
  /** Google News genres (`genres` field, article/read-genres.ts), for the news sitemap; absent when none. */
  readonly genres?: readonly NewsGenre[];
  /**
   * Lines of the record's `date`, `image` and `author`, for warnings that depend on the build or on other records (a
   * date far ahead, a missing image, an author spelled two ways).
   */
  readonly lines?: Readonly<{ date?: number; image?: number; author?: number }>;
}
