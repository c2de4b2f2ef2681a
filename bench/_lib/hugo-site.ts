// bench: the same corpus as a Hugo site (content pages + RSS), the reference the build bench compares with.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CATEGORIES, generateRecords, writeAll, type Corpus, type CorpusRecord } from '../corpus.ts';

/** A written Hugo site: `--config` files for the full site and for feeds only. */
export interface HugoSite {
  readonly dir: string;
  readonly fullConfig: string;
  readonly feedsConfig: string;
}

/**
 * Writes `<corpus.root>/hugo/`: one content page per record (dispatches and JSON converted to Markdown, the
 * same text), a category taxonomy, and templates that do what Gazette does — an article page, a list page
 * of the newest 50 with summaries, and an RSS feed of the newest 50 with full content — per site and category.
 * Feeds only: pages are kept in every list but never rendered (`_build.render = "never"`), lists give RSS only.
 */
export async function writeHugoSite(corpus: Corpus): Promise<HugoSite> {
  const dir = path.join(corpus.root, 'hugo');
  const content = path.join(dir, 'content', 'articles');
  await mkdir(content, { recursive: true });
  await mkdir(path.join(dir, 'layouts', '_default'), { recursive: true });
  await writeAll(generateRecords(corpus.options), (record) =>
    writeFile(path.join(content, `${path.posix.basename(record.file).replace(/\.\w+$/, '')}.md`), toHugoPage(record)),
  );

  for (const [name, text] of Object.entries(LAYOUTS)) await writeFile(path.join(dir, 'layouts', '_default', name), text);
  const common = [
    'baseURL = "https://bench.example.org/"',
    'languageCode = "fr-FR"',
    'title = "Le Quotidien de banc d’essai"',
    'timeZone = "Europe/Paris"',
    'disableKinds = ["section", "taxonomy", "sitemap", "robotsTXT", "404"]',
    'ignoreErrors = ["error-disable-taxonomy"]', // the list of categories is not a page Gazette writes either
    '[taxonomies]',
    '  category = "categories"',
    '[services.rss]',
    '  limit = 50',
  ];
  const fullConfig = path.join(dir, 'config-full.toml');
  await writeFile(fullConfig, [...common, '[outputs]', '  home = ["HTML", "RSS"]', '  term = ["HTML", "RSS"]', ''].join('\n'));
  const feedsConfig = path.join(dir, 'config-feeds.toml');
  await writeFile(
    feedsConfig,
    [
      ...common,
      '[outputs]',
      '  home = ["RSS"]',
      '  term = ["RSS"]',
      '[[cascade]]',
      '  [cascade._build]',
      '    render = "never"',
      '    list = "always"',
      '  [cascade._target]',
      '    kind = "page"',
      '',
    ].join('\n'),
  );
  return { dir, fullConfig, feedsConfig };
}

// --- internal ---

function toHugoPage(record: CorpusRecord): string {
  const [day, time] = record.date.split(' ');
  const date = record.format === 'txt' ? `${day}T00:00:00` : `${day}T${time}:00`;
  const categories = record.categories.map((slug) => JSON.stringify(CATEGORIES[slug]!));
  const body = record.blocks.map((b) => (b.kind === 'kicker' ? `**${b.text}**` : b.kind === 'heading' ? `## ${b.text}` : b.text)).join('\n\n');
  return `---\ntitle: ${JSON.stringify(record.title)}\ndate: ${date}\ncategories: [${categories.join(', ')}]\nauthor: ${JSON.stringify(record.author)}\n---\n\n${body}\n`;
}

const LAYOUTS: Record<string, string> = {
  'single.html': `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"></head>
<body><article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ range .Params.categories }}<a href="{{ (printf "categories/%s/" (urlize .)) | absURL }}">{{ . }}</a> {{ end }}</p>
{{ .Content }}</article></body></html>
`,
  'list.html': `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ with .OutputFormats.Get "RSS" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}</head>
<body><h1>{{ .Title }}</h1><ul>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}
{{ range first 50 $pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary }}</p></li>
{{ end }}</ul></body></html>
`,
  'rss.xml': `{{- $pages := .Pages -}}{{- if .IsHome -}}{{- $pages = .Site.RegularPages -}}{{- end -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>{{ .Site.Title }}</description>
<language>fr-FR</language>{{ with .OutputFormats.Get "RSS" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>{{ end }}
{{- range first 50 $pages.ByDate.Reverse }}
<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid isPermaLink="false">{{ .File.BaseFileName }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
{{ range .Params.categories }}<category>{{ . }}</category>{{ end }}
<description>{{ .Summary | plainify | html }}</description><content:encoded>{{ .Content | html }}</content:encoded></item>
{{- end }}
</channel></rss>
`,
};
