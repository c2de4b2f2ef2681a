// render: the French 404 page, `/404.html` — written by `gazette build` (nginx's `error_page 404` names it) and sent
// with status 404 by `gazette serve` for an unknown page. Its links are root-relative, so it works at any path.
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import { ARCHIVES_PATH, feedFilePath, HOME_PATH, rootRelativeUrl } from '../_lib/site-paths.ts';
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import { hrefAttribute, renderLayout } from './html-layout.ts';

/** Renders the 404 page: the site's frame, « Page introuvable », links to the front page and to the archives. */
export function renderNotFoundPage(feedSet: FeedSet, config: ResolvedConfig): string {
  const href = (path: string) => hrefAttribute(rootRelativeUrl(config.siteUrl, path));
  const main = [
    '<h1>Page introuvable</h1>',
    '<p>La page demandée n’existe pas, ou plus à cette adresse.</p>',
    '<ul>',
    `<li><a${href(HOME_PATH)}>Retour à l’accueil</a></li>`,
    `<li><a${href(ARCHIVES_PATH)}>Toutes les archives, mois par mois</a></li>`,
    '</ul>',
  ].join('\n');
  return renderLayout(
    {
      title: `Page introuvable — ${config.title}`,
      description: config.description,
      // No canonical URL: the page stands for whatever path was asked for.
      alternates: [
        {
          type: FEED_FORMATS.rss.mediaType,
          title: `${feedSet.main.title} (RSS)`,
          href: rootRelativeUrl(config.siteUrl, feedFilePath(feedSet.main.path, 'rss')),
        },
      ],
      isHome: false,
      main,
    },
    feedSet,
    config,
  );
}
