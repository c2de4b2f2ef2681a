// tests/deploy: runs Debian's nginx as a child process with a deploy/ config, in a temporary prefix on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEPLOY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../deploy');
export const NGINX = '/usr/sbin/nginx';
const MODULES = '/usr/lib/nginx/modules';

/** Whether Debian's nginx is installed (the suite is skipped with a note otherwise). */
export function hasNginx(): boolean {
  return existsSync(NGINX);
}

/** A free TCP port on 127.0.0.1 (nginx cannot listen on port 0 and report it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** deploy/nginx-static.conf with its placeholders (/srv/gazette/dist, listen 8080) pointed at a real output. */
export async function staticSiteConf(outDir: string, port: number): Promise<string> {
  const text = await readFile(path.join(DEPLOY_DIR, 'nginx-static.conf'), 'utf8');
  return listenOn(text.replaceAll('/srv/gazette/dist', outDir), port);
}

/** deploy/nginx-proxy.conf in front of the given `gazette serve` ports, with its cache under `cacheDir`. */
export async function proxyConf(upstreamPorts: readonly number[], port: number, cacheDir: string): Promise<string> {
  const text = await readFile(path.join(DEPLOY_DIR, 'nginx-proxy.conf'), 'utf8');
  const servers = upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n    ');
  const replaced = text
    .replace(/^\s*server 127\.0\.0\.1:3001[^\n]*\n(\s*server 127\.0\.0\.1:300\d[^\n]*\n)*/m, `    ${servers}\n`)
    .replaceAll('/var/cache/nginx/gazette', cacheDir);
  if (replaced === text) throw new Error('nginx-proxy.conf: upstream servers 127.0.0.1:3001… not found');
  return listenOn(replaced, port);
}

/** A running nginx. */
export interface NginxProcess {
  readonly origin: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground with `siteConf` inside `http { }`, like a Debian sites-enabled file. */
export async function startNginx(prefix: string, siteConf: string, port: number): Promise<NginxProcess> {
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  const modules = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so']
    .filter((name) => existsSync(path.join(MODULES, name)))
    .map((name) => `load_module ${MODULES}/${name};`);
  await writeFile(path.join(prefix, 'site.conf'), siteConf);
  const main = [
    ...modules,
    // As root, workers would otherwise switch to nobody and lose access to the 0700 temp folders.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/logs/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    `  client_body_temp_path ${prefix}/client_body; proxy_temp_path ${prefix}/proxy;`,
    `  fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;`,
    `  include ${prefix}/site.conf;`,
    '}',
    '',
  ].join('\n');
  const confFile = path.join(prefix, 'nginx.conf');
  await writeFile(confFile, main);
  const child = spawn(NGINX, ['-p', prefix, '-c', confFile, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, () => (child.exitCode !== null ? `nginx exited (${child.exitCode}):\n${output}` : undefined));
  return {
    origin: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT'); // graceful shutdown
      await exited;
    },
  };
}

// --- internal ---

function listenOn(text: string, port: number): string {
  const replaced = text.replace(/^(\s*)listen\s+8080;/m, `$1listen 127.0.0.1:${port};`);
  if (replaced === text) throw new Error('deploy config: `listen 8080;` not found');
  return replaced;
}

async function waitForPort(port: number, failure: () => string | undefined): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const problem = failure();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port}`);
}
