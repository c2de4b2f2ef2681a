// article: category names as written → Category[] (slugged, merged when they fold to one slug).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { Category } from './article.ts';
import { slugify } from './slug.ts';
import { cleanXmlText } from './xml-text.ts';

/**
 * Normalises names (NFC, trimmed, spaces collapsed), slugs each one and merges names that fold to one
 * slug, keeping record order; the first spelling names the category unless the config gives a label.
 * Names that fold to nothing (only symbols or emoji) are returned in `dropped`.
 */
export function normalizeCategories(names: readonly string[], config: Pick<ResolvedConfig, 'categories'>): { categories: Category[]; dropped: string[] } {
  const bySlug = new Map<string, Category>();
  const dropped: string[] = [];
  for (const raw of names) {
    const name = cleanXmlText(raw.normalize('NFC'))
      .replace(/[\s\u00a0\u202f]+/g, ' ')
      .trim();
    if (name === '') continue;
    const slug = slugify(name);
    if (slug === '') {
      dropped.push(name);
      continue;
    }
    if (bySlug.has(slug)) continue;
    bySlug.set(slug, { slug, name: config.categories[slug]?.label ?? name });
  }
  return { categories: [...bySlug.values()], dropped };
}
