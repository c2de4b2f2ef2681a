// Test factories: a fresh object on every call, never a shared mutable sample.
import type { Article } from '../../src/article/article.ts';
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

let counter = 0;

/** A valid published article; each call gets a distinct id unless one is given. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  counter += 1;
  const id = overrides.id ?? `test/article-${counter}`;
  const slug = overrides.slug ?? `article-${counter}`;
  const date = overrides.date ?? new Date(Date.UTC(2024, 10, 21, 23, 0, 0) - counter * 3_600_000);
  return {
    id,
    guid: `tag:example.org,2024-01-01:${id}`,
    slug,
    title: `Article n° ${counter} : l’été « chaud »`,
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
    draft: false,
    file: `items/${id}.md`,
    sourceHash: "the body as the test record writes it",
    idFromRecord: false,
    updatedFromRecord: false,
    ...overrides,
  };
}
