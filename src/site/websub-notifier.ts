// site: a live site's WebSub publisher — feeds whose bytes changed → one publish per hub, off the request path.
import { type HubResult, type PublishOptions, describeFailure, publishToHub } from '../publish/websub.ts';

/** Options of {@link createWebSubNotifier}. */
export interface WebSubNotifierOptions extends PublishOptions {
  /** The hubs to tell (config.hub). */
  readonly hubs: readonly string[];
  /** Receives one warning line per hub that failed. */
  readonly log?: (line: string) => void;
}

/** Tells the hubs of every change, one publish at a time per hub; the caller never waits for a hub. */
export interface WebSubNotifier {
  /** Queues the absolute URLs of feeds whose bytes changed; returns at once. */
  notify(topics: Iterable<string>): void;
  /** The last result per hub (for /healthz), in config order; hubs not yet told are absent. */
  results(): readonly HubResult[];
  /** Resolves when nothing is queued or being sent (tests, shutdown). */
  idle(): Promise<void>;
  /** Cancels what is queued or in flight and tells no hub again: a shutdown never waits for a hub. */
  close(): Promise<void>;
}

/**
 * The notifier. Topics that change while a hub is being told are sent to it in one more request right after, so a
 * burst of edits costs each hub two requests, and a slow or failing hub holds back no other hub and no build.
 */
export function createWebSubNotifier(options: WebSubNotifierOptions): WebSubNotifier {
  const { hubs, log = () => {}, ...publish } = options;
  const states = hubs.map((hub) => ({ hub, queued: new Set<string>(), running: undefined as Promise<void> | undefined }));
  const last = new Map<string, HubResult>();
  const stop = new AbortController();

  const drain = async (state: (typeof states)[number]): Promise<void> => {
    while (state.queued.size > 0) {
      const topics = [...state.queued];
      state.queued.clear();
      const result = await publishToHub(state.hub, topics, { ...publish, signal: stop.signal });
      if (stop.signal.aborted) return;
      last.set(state.hub, result);
      if (!result.ok) log(`warning: websub ${describeFailure(result)}; the feeds are served anyway`);
    }
  };

  return {
    notify(topics) {
      const list = [...topics];
      if (list.length === 0 || stop.signal.aborted) return;
      for (const state of states) {
        for (const topic of list) state.queued.add(topic);
        state.running ??= drain(state)
          .catch((error: unknown) => log(`warning: websub hub ${state.hub}: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            state.running = undefined;
          });
      }
    },
    results: () => hubs.flatMap((hub) => last.get(hub) ?? []),
    async idle() {
      while (states.some((s) => s.running)) await Promise.all(states.map((s) => s.running));
    },
    async close() {
      stop.abort();
      for (const state of states) state.queued.clear();
      await this.idle();
    },
  };
}
