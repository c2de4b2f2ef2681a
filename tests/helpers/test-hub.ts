// Test helper: a WebSub hub on 127.0.0.1:0 that records every publish request and answers as told.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the hub received: method, headers and the form fields of its body. */
export interface HubRequest {
  readonly method: string;
  readonly contentType: string | undefined;
  readonly userAgent: string | undefined;
  readonly body: string;
  readonly mode: string | null;
  readonly urls: readonly string[];
}

/** How the hub answers: a status, or `nothing` (the connection is closed without an answer), or `hang` (never). */
export type HubAnswer = number | 'nothing' | 'hang';

/** A running test hub. */
export interface TestHub {
  readonly url: string;
  readonly requests: HubRequest[];
  /** The answer to the next requests; a list is used in order, its last entry repeating. */
  answer(...answers: HubAnswer[]): void;
  /** Resolves once the hub has received `count` requests in all. */
  received(count: number): Promise<HubRequest[]>;
  close(): Promise<void>;
}

export async function startTestHub(...answers: HubAnswer[]): Promise<TestHub> {
  let script: HubAnswer[] = answers.length > 0 ? answers : [204];
  const requests: HubRequest[] = [];
  const waiters: { count: number; resolve: (r: HubRequest[]) => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const form = new URLSearchParams(body);
      requests.push({
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        userAgent: req.headers['user-agent'],
        body,
        mode: form.get('hub.mode'),
        urls: form.getAll('hub.url'),
      });
      const answer = script.length > 1 ? script.shift()! : script[0]!;
      if (answer === 'nothing') req.socket.destroy();
      else if (answer !== 'hang') res.writeHead(answer).end();
      for (const w of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve([...requests]);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    answer(...next) {
      script = next;
    },
    received(count) {
      if (requests.length >= count) return Promise.resolve([...requests]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
