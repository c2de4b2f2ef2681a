// The document store: a document rendered and gated by one build is handed back by the next, without rendering or
// linting, only for the very same inputs (its articles' light content, its other deps, its date, the configuration).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { planSite, renderPlanned, type PlannedDocument } from '../../src/render/plan-site.ts';
import { openDocumentStore } from '../../src/site/document-store.ts';
import { createLintGate, type LintGate } from '../../src/site/lint-gate.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const config = makeConfig();
const articles = [makeArticle({}, 1), makeArticle({}, 2), makeArticle({}, 3)];

/** The main RSS feed of `list`, planned, and which of its deps are articles. */
function plannedFeed(list: readonly Article[]): { planned: PlannedDocument; isArticle: (dep: unknown) => boolean } {
  const planned = planSite(buildFeedSet(list, config), config, { pages: false }).find((p) => p.path === '/feed.xml');
  if (!planned) throw new Error('no /feed.xml in the plan');
  const published = new Set<unknown>(list);
  return { planned, isArticle: (dep) => published.has(dep) };
}

/** A gate that must not be asked: a kept document's lint result comes from the store. */
const refusingGate: LintGate = {
  check: () => Promise.reject(new Error('linted again')),
};

describe('the document store', () => {
  const root = useTempDir('gazette-document-store-');
  const open = (cfg = config) => openDocumentStore(path.join(root(), 'cache'), cfg, 'test');

  /** A first build: /feed.xml rendered, put, gated by the real lint gate, saved. Returns what it published. */
  async function firstBuild() {
    const store = await open();
    const { planned, isArticle } = plannedFeed(articles);
    const key = store.keyOf(planned, isArticle);
    if (key === undefined) throw new Error('no key');
    expect(store.take(planned.path, key)).toBeUndefined();
    const doc = renderPlanned(planned);
    store.put(planned, key, doc);
    const result = await store.gate(createLintGate()).check(doc, undefined, new Date());
    await store.save();
    return { doc, result };
  }

  it('hands a feed back to the next build with its bytes and lint result, without rendering or linting it', async () => {
    const { doc, result } = await firstBuild();
    const store = await open();
    // The same inputs as other objects (a new process reads the records again).
    const { planned, isArticle } = plannedFeed(articles.map((a) => ({ ...a })));
    const taken = store.take(planned.path, store.keyOf(planned, isArticle) ?? '');
    expect(taken && { body: taken.body, lastModified: taken.lastModified, contentType: taken.contentType }).toEqual({
      body: doc.body,
      lastModified: doc.lastModified,
      contentType: doc.contentType,
    });
    const again = await store.gate(refusingGate).check(taken!, undefined, new Date());
    expect({ published: again.doc === taken, diagnostics: again.diagnostics }).toEqual({ published: true, diagnostics: result.diagnostics });
  });

  it.each<[string, () => { planned: PlannedDocument; isArticle: (dep: unknown) => boolean }, () => ReturnType<typeof open>]>([
    ['an article whose title changed', () => plannedFeed([{ ...articles[0]!, title: 'Autre titre' }, ...articles.slice(1)]), () => open()],
    ['an article whose bytes changed (its source hash)', () => plannedFeed([{ ...articles[0]!, sourceHash: 'autre' }, ...articles.slice(1)]), () => open()],
    ['one article fewer', () => plannedFeed(articles.slice(1)), () => open()],
    ['another configuration', () => plannedFeed(articles), () => open(makeConfig({ title: 'Autre gazette' }))],
  ])('renders the feed again after %s', async (_, plan, reopen) => {
    await firstBuild();
    const store = await reopen();
    const { planned, isArticle } = plan();
    const key = store.keyOf(planned, isArticle);
    expect(key === undefined ? undefined : store.take(planned.path, key)).toBeUndefined();
  });

  it.each<[string, (a: Article) => Article, string | undefined]>([
    ['the same light article (another object)', (a) => ({ ...a }), '<p>Le corps gardé.</p>'],
    ['an article whose bytes changed (its source hash)', (a) => ({ ...a, sourceHash: 'autre' }), undefined],
  ])('hands back the body kept for %s', async (_, next, html) => {
    const first = await open();
    first.keepBody(articles[0]!, { ...articles[0]!, html: '<p>Le corps gardé.</p>', summary: 'Le corps gardé.' });
    await first.save();
    const second = await open();
    expect(second.bodyOf(next(articles[0]!))?.html).toBe(html);
  });

  it('gives no key to a document whose deps hold an object JSON cannot tell apart (a Map)', async () => {
    const store = await open();
    const { planned, isArticle } = plannedFeed(articles);
    expect(store.keyOf({ ...planned, deps: [...planned.deps, new Map([['a', 1]])] }, isArticle)).toBeUndefined();
  });
});
