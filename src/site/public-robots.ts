// site: a robots.txt of the site's own (`public/robots.txt`) replaces Gazette's; one that names no sitemap hides
// sitemap.xml and sitemap-news.xml from crawlers that only learn of them there (sitemaps.org §"Informing search
// engine crawlers"), so it is worth a warning.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, type Diagnostic } from '../diagnostics.ts';

/** Whether `publicDir` has a robots.txt (then Gazette writes none), and a warning when it names no sitemap. */
export async function checkPublicRobots(
  publicDir: string,
  publicNames: Promise<ReadonlySet<string> | undefined>,
): Promise<{ readonly present: boolean; readonly diagnostics: readonly Diagnostic[] }> {
  if (!(await publicNames)?.has('robots.txt')) return { present: false, diagnostics: [] };
  const file = path.join(publicDir, 'robots.txt');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { present: true, diagnostics: [] }; // listed a moment ago, gone now: the writer reports what it finds
  }
  // RFC 9309 §2.2.4: other records (`Sitemap:`) may appear anywhere; field names are case-insensitive.
  if (/^\s*sitemap\s*:/im.test(text)) return { present: true, diagnostics: [] };
  const warning: Diagnostic = {
    severity: 'warning',
    file: displayPath(file),
    code: 'robots-no-sitemap',
    source: 'config',
    message: 'names no sitemap: it replaces the robots.txt Gazette writes; add "Sitemap: <siteUrl>/sitemap.xml" and "Sitemap: <siteUrl>/sitemap-news.xml"',
  };
  return { present: true, diagnostics: [warning] };
}
