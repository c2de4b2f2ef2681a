// site: warnings for editors that depend on more than the record itself — the build's clock and the public/ folder.
import { addYears } from 'date-fns/addYears';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { displayPath, type Diagnostic } from '../diagnostics.ts';
import { listPublicFiles } from '../publish/public-files.ts';
import { siteUrlOf } from '../_lib/site-paths.ts';

/**
 * Warnings about valid articles: a `date` more than a year after `now` (still scheduled for then, but a typo such as
 * 2062 would otherwise hold the article back in silence), and an `image` on the site that is no file of
 * `publicDir` (the page and feeds would point at nothing). The folder is listed once (here, when an image needs it and the caller did not list it).
 */
export async function findEditorWarnings(
  articles: readonly Article[],
  now: Date,
  config: Pick<ResolvedConfig, 'siteUrl' | 'publicDir'>,
  /** The names of {@link listPublicNames}, when the caller started listing early (alongside reading the records). */
  publicNames?: Promise<ReadonlySet<string> | undefined>,
): Promise<Diagnostic[]> {
  const warnings: Diagnostic[] = [];
  const horizon = addYears(now, 1).getTime();
  for (const article of articles) {
    if (article.date.getTime() <= horizon) continue;
    warnings.push({
      severity: 'warning',
      file: article.file,
      ...line(article, 'date'),
      field: 'date',
      code: 'date-far-future',
      message: `${article.date.toISOString()} is more than a year after the build's clock (${now.toISOString()}): the article waits until then; check the year`,
      // It expires as the clock moves on: never cached.
      clock: true,
    });
  }
  warnings.push(...findFutureCorrections(articles, now));
  const local = articles.flatMap((article) => {
    const name = article.image === undefined ? undefined : publicNameOf(article.image.url, config.siteUrl);
    return name === undefined ? [] : [{ article, name }];
  });
  if (local.length === 0) return warnings;
  const files = await (publicNames ?? listPublicNames(config.publicDir));
  if (files === undefined) return warnings;
  const folder = displayPath(config.publicDir);
  for (const { article, name } of local) {
    if (files.has(name)) continue;
    warnings.push({
      severity: 'warning',
      file: article.file,
      ...line(article, 'image'),
      field: 'image',
      code: 'image-missing',
      message: `${article.image?.url ?? ''} is no file of ${folder}/ (publicDir): there is no ${folder}/${name} to serve`,
    });
  }
  return warnings;
}

/** The names of the files of `publicDir` (NFC), or undefined when the folder cannot be read (no warning then); never rejects. */
export async function listPublicNames(publicDir: string): Promise<ReadonlySet<string> | undefined> {
  try {
    const listing = await listPublicFiles(publicDir);
    return new Set(listing.files.map((f) => f.name.normalize('NFC')));
  } catch {
    return undefined;
  }
}

// --- internal ---

/**
 * A correction note dated after `now`: notes are not scheduled (docs/records.md, "Correction notes"), so it is shown at once,
 * dated then, and moves the article's `updated` there — almost always a mistyped date.
 */
function findFutureCorrections(articles: readonly Article[], now: Date): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const article of articles) {
    article.corrections.forEach((note, index) => {
      if (note.date.getTime() <= now.getTime()) return;
      found.push({
        severity: 'warning',
        file: article.file,
        ...(note.line === undefined ? {} : { line: note.line }),
        field: `corrections[${index + 1}].date`,
        code: 'correction-future',
        message: `${note.date.toISOString()} is after the build's clock (${now.toISOString()}): a correction is not scheduled, it shows now with that date; check the date`,
        clock: true,
      });
    });
  }
  return found;
}

function line(article: Article, field: 'date' | 'image'): { line?: number } {
  const found = article.lines?.[field];
  return found === undefined ? {} : { line: found };
}

/**
 * The name in `publicDir` that serves an absolute URL on the site (`https://example.org/images/une.jpg` →
 * `images/une.jpg`, percent-decoded, NFC), or undefined for a URL elsewhere: the site serves its public files at
 * their path below `siteUrl` (http/public-files.ts, publish/write-static.ts).
 */
function publicNameOf(url: string, siteUrl: string): string | undefined {
  const base = siteUrlOf(siteUrl, '/');
  if (!url.startsWith(base)) return undefined;
  const encoded = url.slice(base.length).replace(/[?#].*$/su, '');
  try {
    return decodeURIComponent(encoded).normalize('NFC');
  } catch {
    return encoded; // a stray `%`: no file has that name either
  }
}
