// article: categories outside the configured `categories` vocabulary → one sentence each, naming the closest one.
import type { CategorySettings } from '../config/define-config.ts';
import { editDistance } from '../_lib/edit-distance.ts';
import type { Category } from './article.ts';

/**
 * For each category whose slug is not a key of `vocabulary`, a sentence naming it and the configured category
 * closest to it (fewest letter edits or swaps between slugs, so `Sprot` and `Spor` find `Sport`). Nothing when the
 * vocabulary is empty: a site that configures no categories takes any.
 */
export function checkCategoryVocabulary(categories: readonly Category[], vocabulary: Readonly<Record<string, Readonly<CategorySettings>>>): string[] {
  const slugs = Object.keys(vocabulary);
  if (slugs.length === 0) return [];
  const messages: string[] = [];
  for (const { slug, name } of categories) {
    if (Object.hasOwn(vocabulary, slug)) continue;
    const closest = closestSlug(slug, slugs);
    const shown = vocabulary[closest]?.label ?? closest;
    messages.push(
      `${JSON.stringify(name)} is not one of the configured categories; closest: ${JSON.stringify(shown)} (or add "${slug}" to categories in the config)`,
    );
  }
  return messages;
}

// --- internal ---

/** The slug of `slugs` at the fewest edits from `slug`; the first in config order on a tie. */
function closestSlug(slug: string, slugs: readonly string[]): string {
  let best = slugs[0] ?? '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of slugs) {
    const distance = editDistance(slug, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
