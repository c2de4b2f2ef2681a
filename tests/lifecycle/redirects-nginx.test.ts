// redirects.map loaded by a real nginx (Debian `nginx-light`), when it is installed: the file parses, each former
// path answers 301 to its target, and a hostile path stays one key.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRedirectsFiles } from '../../src/lifecycle/redirects-files.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((bin) => spawnSync(bin, ['-v']).status === 0);

/** nginx cannot bind port 0 and report it: take a free port from the kernel, then hand it over. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function get(port: number, rawPath: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!nginx)('redirects.map in a real nginx', () => {
  const dir = useTempDir('gazette-nginx-', 'all');
  let port: number;
  let server: ChildProcess;
  beforeAll(async () => {
    port = await freePort();
    const files = renderRedirectsFiles(
      [
        { from: '/articles/ancien-titre/', to: '/articles/nouveau-titre/' },
        { from: '/articles/été/', to: '/articles/nouveau-titre/' },
        { from: '/articles/a;return 200 pwned;/', to: '/articles/b/' },
        { from: '/articles/"q"/', to: '/articles/$host/' },
      ],
      '/actu',
    );
    await mkdir(path.join(dir(), 'logs'));
    await writeFile(path.join(dir(), 'redirects.map'), files['redirects.map']);
    await writeFile(
      path.join(dir(), 'nginx.conf'),
      [
        'pid nginx.pid; error_log logs/error.log; daemon off; worker_processes 1;',
        'events { worker_connections 64; }',
        'http {',
        '  access_log off; client_body_temp_path tmp; proxy_temp_path tmp; fastcgi_temp_path tmp; uwsgi_temp_path tmp; scgi_temp_path tmp;',
        `  map $uri $gazette_redirect { include ${path.join(dir(), 'redirects.map')}; }`,
        `  server { listen 127.0.0.1:${port}; if ($gazette_redirect) { return 301 $gazette_redirect; } location / { return 404; } }`,
        '}',
      ].join('\n'),
    );
    const check = spawnSync(nginx!, ['-t', '-p', dir(), '-c', 'nginx.conf'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
    server = spawn(nginx!, ['-p', dir(), '-c', 'nginx.conf'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (
        await get(port, '/').then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('nginx did not start');
  }, 30_000);
  afterAll(async () => {
    server?.kill('SIGTERM');
    await new Promise((resolve) => (server?.exitCode !== null ? resolve(undefined) : server.once('exit', resolve)));
  });

  it.each([
    ['/actu/articles/ancien-titre/', 301, '/actu/articles/nouveau-titre/'],
    ['/actu/articles/%C3%A9t%C3%A9/', 301, '/actu/articles/nouveau-titre/'],
    ['/actu/articles/a;return%20200%20pwned;/', 301, '/actu/articles/b/'],
    ['/actu/articles/%22q%22/', 301, '/actu/articles/%24host/'],
    ['/actu/articles/nouveau-titre/', 404, undefined],
    ['/articles/ancien-titre/', 404, undefined],
  ])('GET %s answers %i', async (rawPath, status, location) => {
    const response = await get(port, rawPath);
    expect(response.status).toBe(status);
    expect(response.location?.replace(/^https?:\/\/[^/]+/, '')).toBe(location);
  });
});
