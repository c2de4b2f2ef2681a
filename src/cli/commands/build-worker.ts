// cli: the worker thread of a bounded `gazette build` (bounded-build.ts): runs the build, reports progress, replies once.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../../config/config-schema.ts';
import { isOutputError } from '../../publish/write-static.ts';
import { buildStaticSite, type StaticBuildOptions, type StaticBuildResult } from '../../site/static-build.ts';

/** What the host gives the worker: the options that survive a structured clone, and the build's fixed clock if any. */
export interface BuildWorkerData {
  readonly gazetteBuild: true;
  readonly config: ResolvedConfig;
  readonly options: Omit<StaticBuildOptions, 'now' | 'onWait' | 'onProgress'>;
  /** SOURCE_DATE_EPOCH in ms, when it fixes the clock. */
  readonly fixedNow: number | undefined;
}

/** A message of the worker: progress, a wait for another build, then one result or one failure. */
export type BuildWorkerMessage =
  | { readonly progress: readonly [done: number, total: number] }
  | { readonly waiting: number }
  | { readonly result: StaticBuildResult }
  | { readonly outputError: { readonly message: string; readonly path: string; readonly code: string | undefined } }
  | { readonly bug: string };

/** Progress is posted at most this often (a message per record would cost more than the line shows). */
const PROGRESS_MS = 100;

const data = workerData as BuildWorkerData | undefined;
if (parentPort && data?.gazetteBuild === true) {
  const port = parentPort;
  const post = (message: BuildWorkerMessage) => port.postMessage(message);
  let last = 0;
  const { fixedNow } = data;
  buildStaticSite(data.config, {
    ...data.options,
    ...(fixedNow === undefined ? {} : { now: () => fixedNow }),
    onWait: (pid) => post({ waiting: pid }),
    onProgress: (done, total) => {
      const now = Date.now();
      if (done < total && now - last < PROGRESS_MS) return;
      last = now;
      post({ progress: [done, total] });
    },
  }).then(
    (result) => post({ result }),
    (error: unknown) =>
      post(
        isOutputError(error)
          ? { outputError: { message: error.message, path: error.path, code: error.code } }
          : { bug: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      ),
  );
}
