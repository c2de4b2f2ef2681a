// render: the plan's entries for the archive and the 404 page (see plan-site.ts, which calls them): `/archives/`, a
// page per month (per page of a long month) and `/404.html`.
import { ARCHIVES_PATH, archiveMonthPath, NOT_FOUND_PATH } from '../_lib/site-paths.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import { groupArchiveMonths } from './archive-months.ts';
import { renderArchiveIndexPage, renderArchiveMonthPage } from './html-archives.ts';
import { renderNotFoundPage } from './not-found-page.ts';
import type { PlannedDocument } from './plan-site.ts';
import { CONTENT_TYPES } from './rendered-document.ts';
import type { DocumentTimes } from '../lifecycle/document-times.ts';

/**
 * `/archives/` and a page per month (per page of a long month). A new article changes its month's (last) page, and
 * the index only when it opens a month: the index's deps are the months, not their articles. Month pages are lazy:
 * together they list the whole archive, which a streaming build writes one page at a time and does not hold.
 */
export function planArchives(feedSet: FeedSet, config: ResolvedConfig, frame: string, times: DocumentTimes): PlannedDocument[] {
  const months = groupArchiveMonths(feedSet.articles, config.timeZone);
  // The index changed last when its newest month opened: the date of that month's first article.
  const opened = months[0]?.pages[0]?.[0]?.date ?? feedSet.main.updated;
  // Last-Modified also moves with the ledger's departures (a month emptied by a removal leaves the index).
  const indexTime = times.ofList([], opened);
  const index: PlannedDocument = {
    ...PAGE,
    path: ARCHIVES_PATH,
    lastModified: indexTime,
    contentDate: opened,
    deps: [frame, opened.getTime(), ...months.map((m) => m.key)],
    render: () => renderArchiveIndexPage(months, feedSet, config),
  };
  const pages = months.flatMap((month) =>
    month.pages.map((articles, index): PlannedDocument => {
      // A page's pager names every page of its month: it changed last when the month's last page opened.
      const lastOpened = month.pages.length > 1 ? (month.pages[month.pages.length - 1]?.[0] as Article) : undefined;
      const changed = new Date(Math.max(...articles.map((a) => a.updated.getTime()), lastOpened?.date.getTime() ?? 0));
      const lastModified = times.ofList(articles, changed);
      return {
        ...PAGE,
        path: archiveMonthPath(month.year, month.month, index + 1),
        lastModified,
        contentDate: changed,
        deps: [frame, month.pages.length, lastOpened, ...articles],
        lazy: true,
        render: () => renderArchiveMonthPage(month, index + 1, feedSet, config),
      };
    }),
  );
  return [index, ...pages];
}

/** The 404 page: the frame only; dated by the newest article, as nothing else dates it. */
export function planNotFoundPage(feedSet: FeedSet, config: ResolvedConfig, frame: string): PlannedDocument {
  return {
    ...PAGE,
    path: NOT_FOUND_PATH,
    lastModified: feedSet.main.updated,
    deps: [frame, feedSet.main.updated.getTime()],
    render: () => renderNotFoundPage(feedSet, config),
  };
}

const PAGE = { contentType: CONTENT_TYPES.html, kind: 'page', lazy: false, live: true } as const;
