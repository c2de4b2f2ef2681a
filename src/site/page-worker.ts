// site: a page worker of `gazette build` (page-pool.ts) — makes article pages from their records on its own thread:
// reads the record (synchronous calls: nothing else runs here), parses it, renders its body and the page in the frame
// the main thread sent once, and replies with each page's text in the order asked.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import { toArticle } from '../article/to-article.ts';
import { readRecordFile } from '../records/read-items.ts';
import { renderArticlePage } from '../render/html.ts';
import type { PageJob, PageResult } from './page-pool.ts';
import { withBodyOf } from './record-cache.ts';

/** What the main thread gives every worker once: the configuration and the page frame's feed set (page-pool.ts). */
export interface PageWorkerData {
  readonly config: ResolvedConfig;
  readonly frame: FeedSet;
}

if (parentPort) {
  const port = parentPort;
  const { config, frame } = workerData as PageWorkerData;
  const vocabulary = Object.values(config.categories).flatMap((c) => (c.label ? [c.label] : []));
  port.on('message', async (batch: { readonly id: number; readonly jobs: readonly PageJob[] }) => {
    const results: PageResult[] = [];
    for (const job of batch.jobs) results.push(await renderJob(job, config, frame, vocabulary));
    port.postMessage({ id: batch.id, results });
  });
}

/** One page, or why it was not made: a changed record (as record-cache.ts readBody says it), or an error's message. */
async function renderJob(job: PageJob, config: ResolvedConfig, frame: FeedSet, vocabulary: readonly string[]): Promise<PageResult> {
  try {
    const { article, file } = job;
    const record = await readRecordFile(file, { display: article.file, vocabulary, limits: config.limits, sync: true });
    const full = record.value ? toArticle(record.value, config).value : undefined;
    if (!full || full.sourceHash !== article.sourceHash) return { changed: true };
    return { body: renderArticlePage(withBodyOf(article, full), frame, config) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
