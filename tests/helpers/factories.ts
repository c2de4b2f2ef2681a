// Test factories: a fresh object on every call, never a shared mutable sample.
import type { Article, ArticleImage } from '../../src/article/article.ts';
import { mustResolveConfig, type ResolvedConfig } from '../../src/config/config-schema.ts';
import type { GazetteConfig } from '../../src/config/define-config.ts';

/** A valid resolved config for tests; override any field. */
export function makeConfig(overrides: Partial<GazetteConfig> = {}): ResolvedConfig {
  return mustResolveConfig({
    title: 'Gazette de test',
    description: 'Les dépêches de la rédaction de test.',
    siteUrl: 'https://example.org',
    author: { name: 'Rédaction', email: 'redaction@example.org' },
    categories: {
      international: { label: 'International' },
      national: { label: 'National' },
      societe: { label: 'Société' },
    },
    ...overrides,
  });
}

/**
 * A valid published article, the same for the same arguments (no state shared between calls or tests). `n` numbers
 * the defaults: id `test/article-n`, its slug and title, and a date n hours before 2024-11-22 00:00 Paris; when
 * `overrides.id` is given the slug and title derive from it instead. Articles that must differ and set no id need
 * different `n`.
 * @example [makeArticle({}, 1), makeArticle({}, 2)] // ids test/article-1 and test/article-2
 */
export function makeArticle(overrides: Partial<Article> = {}, n = 1): Article {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`makeArticle: n must be a whole number ≥ 1, got ${n}`);
  const id = overrides.id ?? `test/article-${n}`;
  const label = overrides.id === undefined ? String(n) : overrides.id;
  const slug = overrides.slug ?? (overrides.id === undefined ? `article-${n}` : `article-${slugOf(overrides.id)}`);
  const date = overrides.date ?? new Date(Date.UTC(2024, 10, 21, 23, 0, 0) - n * 3_600_000);
  return {
    id,
    guid: `tag:example.org,2024-01-01:${id}`,
    slug,
    title: `Article n° ${label} : l’été « chaud »`,
    link: `https://example.org/articles/${slug}/`,
    date,
    updated: overrides.updated ?? date,
    categories: [
      { slug: 'international', name: 'International' },
      { slug: 'societe', name: 'Société' },
    ],
    authors: [{ name: 'Claire Dupont' }],
    summary: 'Un résumé en texte brut, avec des accents : é, è, à, ç.',
    html: '<h2>Intertitre</h2><p>Premier paragraphe, avec « guillemets » et l’apostrophe.</p>',
    image: undefined,
    corrections: [],
    draft: false,
    file: `items/${id}.md`,
    sourceHash: 'the body as the test record writes it',
    idFromRecord: false,
    updatedFromRecord: false,
    ...overrides,
  };
}

/** A lead image at `url` with nothing else known (as `image: <url>` in a record); override any field. */
export function makeImage(url: string, overrides: Partial<ArticleImage> = {}): ArticleImage {
  return { url, alt: undefined, caption: undefined, credit: undefined, width: undefined, height: undefined, length: undefined, ...overrides };
}

// --- internal ---

/** `2024/maroc` → `2024-maroc`: a path-safe rendering of an id, enough to keep test slugs distinct. */
function slugOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
