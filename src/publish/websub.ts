// publish: the WebSub publisher's side — tell a hub that feeds changed (`hub.mode=publish`), with retries.
// W3C WebSub (https://www.w3.org/TR/websub/) leaves the publish request to hubs; every public hub (Google's
// pubsubhubbub.appspot.com, Superfeedr, websub.rocks) and the reference publishers take this form-encoded POST.

/** Tries per hub and batch: the first, then two more after network errors, timeouts and 5xx answers. */
export const WEBSUB_TRIES = 3;
/** Topic URLs named in one request; more changed feeds make several requests to the same hub. */
export const TOPICS_PER_REQUEST = 50;

/** One try's time limit and the waits before the second and third tries, as docs/http.md gives them. */
export interface PublishTiming {
  readonly timeoutMs: number;
  readonly waitsMs: readonly number[];
}

/** The timing of {@link publishToHub}: `timeoutMs` (default 10 s) per try; `backoffMs` (default 0.5 s), then twice that. */
export function publishTiming(options: Pick<PublishOptions, 'timeoutMs' | 'backoffMs'> = {}): PublishTiming {
  const backoffMs = options.backoffMs ?? 500;
  return { timeoutMs: options.timeoutMs ?? 10_000, waitsMs: Array.from({ length: WEBSUB_TRIES - 1 }, (_, i) => backoffMs * 2 ** i) };
}

/** What one hub answered to the last publish sent to it. */
export interface HubResult {
  readonly hub: string;
  /** True when the hub answered 2xx to every request. */
  readonly ok: boolean;
  /** The HTTP status of the last answer; undefined when none came (refused, timed out). */
  readonly status?: number;
  /** Why it failed, in a few words (`status 500`, `timed out after 10000 ms`, `connect ECONNREFUSED …`). */
  readonly error?: string;
  /** Topic URLs it was told of. */
  readonly topics: number;
  /** Requests sent, retries included. */
  readonly requests: number;
  /** When the last answer (or failure) came; the clock, not part of any feed. */
  readonly at: Date;
}

/** Options of {@link publishToHub}. */
export interface PublishOptions {
  /** One try's time limit (ms, default 10 000). */
  readonly timeoutMs?: number;
  /** Wait before the second try (ms, default 500); doubled before the third. */
  readonly backoffMs?: number;
  /** Sent as `User-Agent`. */
  readonly userAgent?: string;
  /** Stops the publish (a server shutting down): no further try, and the request in flight is cancelled. */
  readonly signal?: AbortSignal;
}

/** The request body: `hub.mode=publish` and one `hub.url` per topic (application/x-www-form-urlencoded). */
export function publishBody(topics: readonly string[]): string {
  const form = new URLSearchParams({ 'hub.mode': 'publish' });
  for (const topic of topics) form.append('hub.url', topic);
  return form.toString();
}

/**
 * Tells `hub` that `topics` changed: one POST per {@link TOPICS_PER_REQUEST} topics, each tried up to
 * {@link WEBSUB_TRIES} times. Never throws for the hub's sake: a refusal, a timeout or a 500 is a result.
 */
export async function publishToHub(hub: string, topics: readonly string[], options: PublishOptions = {}): Promise<HubResult> {
  if (typeof hub !== 'string' || !/^https?:\/\//.test(hub)) throw new TypeError(`hub must be an http(s) URL, got ${JSON.stringify(hub)}`);
  const timing = publishTiming(options);
  let requests = 0;
  let last: { status?: number; error?: string } = {};
  for (let start = 0; start < topics.length; start += TOPICS_PER_REQUEST) {
    const body = publishBody(topics.slice(start, start + TOPICS_PER_REQUEST));
    for (let attempt = 1; attempt <= WEBSUB_TRIES; attempt++) {
      if (options.signal?.aborted) {
        last = { error: 'stopped' };
        break;
      }
      requests += 1;
      last = await postOnce(hub, body, timing.timeoutMs, options);
      if (last.error === undefined || !isRetryable(last)) break;
      if (attempt < WEBSUB_TRIES) await sleep(timing.waitsMs[attempt - 1] ?? 0, options.signal);
    }
    if (last.error !== undefined) break;
  }
  return {
    hub,
    ok: last.error === undefined,
    ...(last.status === undefined ? {} : { status: last.status }),
    ...(last.error === undefined ? {} : { error: last.error }),
    topics: topics.length,
    requests,
    at: new Date(),
  };
}

/** One line for a failed result: `hub https://hub.example/: status 500 after 3 tries`. */
export function describeFailure(result: HubResult): string {
  const tries = result.requests === 1 ? '1 try' : `${result.requests} tries`;
  return `hub ${result.hub}: ${result.error ?? 'failed'} after ${tries}`;
}

// --- internal ---

async function postOnce(hub: string, body: string, timeoutMs: number, options: PublishOptions): Promise<{ status?: number; error?: string }> {
  try {
    const response = await fetch(hub, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(options.userAgent ? { 'User-Agent': options.userAgent } : {}),
      },
      body,
      redirect: 'follow',
      signal: options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs),
    });
    // The answer's body says nothing we act on; read it so the connection is reused.
    await response.arrayBuffer().catch(() => undefined);
    const { status } = response;
    return status >= 200 && status < 300 ? { status } : { status, error: `status ${status}` };
  } catch (error) {
    const name = (error as Error).name;
    if (options.signal?.aborted) return { error: 'stopped' };
    if (name === 'TimeoutError' || name === 'AbortError') return { error: `timed out after ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** Network errors, timeouts and 5xx may pass; a 4xx says the request itself is wrong, and is not repeated. */
function isRetryable(result: { status?: number }): boolean {
  return result.status === undefined || result.status >= 500;
}

/** Waits `ms`, or less when `signal` aborts (not at all when it already has: an abort event never comes again). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
