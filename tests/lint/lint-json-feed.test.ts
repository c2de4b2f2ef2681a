import { describe } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { jsonDoc, jsonItem, NOW } from './feed-docs.ts';
import { describeRules, describeValid, type RuleRow } from './lint-rule-table.ts';

const lint = (body: string) => lintFeed({ path: '/feed.json', body, format: 'json', now: NOW });
const item = jsonItem;

const rows: RuleRow[] = [
  ['json-malformed', jsonDoc(), '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "x",,\n  "items": []\n}', '"title"'],
  ['json-malformed', jsonDoc(), '{\n  "version": "https://jsonfeed.org/version/1.1", // commentaire\n  "items": []\n}', '// commentaire'],
  [
    'json-depth',
    jsonDoc({ _ext: { a: [[['"]]]"']]] } }),
    `{\n  "version": "https://jsonfeed.org/version/1.1",\n  "_deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}`,
    '"_deep"',
  ],
  ['json-version', jsonDoc(), jsonDoc({ version: 'https://jsonfeed.org/version/1' }), '"version"'],
  ['missing-required', jsonDoc(), jsonDoc({ title: undefined }), '{'],
  ['missing-required', jsonDoc(), jsonDoc({}, [item({ id: undefined })]), '    {\n      "url"'],
  ['items-array', jsonDoc(), jsonDoc({ items: { a: 1 } }), '"items"'],
  ['id-type', jsonDoc(), jsonDoc({}, [item({ id: 42 })]), '"id": 42'],
  [
    'id-duplicate',
    jsonDoc({}, [item({}, 0), item({}, 1)]),
    jsonDoc({}, [item({}, 0), item({ id: 'tag:example.org,2024-01-01:maroc-0' }, 1)]),
    '"id": "tag:example.org,2024-01-01:maroc-0",\n      "url": "https://example.org/articles/maroc-1/"',
  ],
  [
    'content-missing',
    jsonDoc({}, [item({ content_html: undefined, content_text: 'Texte brut' })]),
    jsonDoc({}, [item({ content_html: undefined })]),
    '    {\n      "id"',
  ],
  ['date-rfc3339', jsonDoc(), jsonDoc({}, [item({ date_published: '2024-11-22 00:00' })]), '"date_published"'],
  ['date-rfc3339', jsonDoc(), jsonDoc({}, [item({ date_modified: 'Fri, 22 Nov 2024 00:00:00 +0100' })]), '"date_modified"'],
  ['url-absolute', jsonDoc(), jsonDoc({ home_page_url: 'example.org' }), '"home_page_url"'],
  ['url-absolute', jsonDoc(), jsonDoc({ feed_url: '/feed.json' }), '"feed_url"'],
  ['url-absolute', jsonDoc(), jsonDoc({}, [item({ url: '/articles/maroc/' })]), '"url": "/articles'],
  ['url-absolute', jsonDoc({}, [item({ image: 'https://example.org/i.jpg' })]), jsonDoc({}, [item({ image: 'images/i.jpg' })]), '"image"'],
  [
    'url-absolute',
    jsonDoc({ authors: [{ name: 'Rédaction', url: 'mailto:redac@example.org' }] }),
    jsonDoc({ authors: [{ name: 'Rédaction', url: 'redaction' }] }),
    '"url": "redaction"',
  ],
  ['authors-shape', jsonDoc(), jsonDoc({ authors: ['Rédaction'] }), '"Rédaction"'],
  ['authors-shape', jsonDoc(), jsonDoc({ authors: { name: 'Rédaction' } }), '"authors"'],
  ['authors-shape', jsonDoc(), jsonDoc({}, [item({ authors: [{ email: 'c@example.org' }] })]), '        {\n          "email"'],
  ['language-tag', jsonDoc({ language: 'fr' }), jsonDoc({ language: 'Français' }), '"language"'],
  ['tags-shape', jsonDoc(), jsonDoc({}, [item({ tags: 'Société' })]), '"tags"'],
  ['plain-text', jsonDoc(), jsonDoc({}, [item({ title: 'Maroc <b>chaud</b>' })]), '"title": "Maroc <b>'],
];

describe('lintFeed (JSON Feed 1.1)', () => {
  describeValid(lint, jsonDoc({}, [item({}, 0), item({}, 1)]));

  describeRules(lint, rows);
});
