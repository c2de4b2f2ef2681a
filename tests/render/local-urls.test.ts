import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../src/article/clean-html.ts';
import { localizeUrls } from '../../src/render/local-urls.ts';
import { casesOf } from '../helpers/cases.ts';

const SITE = 'https://x.org/actu';
/** A body as article/ leaves it: sanitised, every URL absolute against the article's link. */
const body = (html: string) => cleanHtml(html, `${SITE}/articles/a/`);

describe('localizeUrls', () => {
  const onTheSite = casesOf('render/local-urls', 'on the site', 'string', 'string', 'string');
  it.each(onTheSite)('writes %s root-relative when it is on the site', (_label, html, expected) => {
    expect(localizeUrls(body(html), SITE)).toBe(expected);
  });
});
