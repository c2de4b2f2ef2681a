import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolvePublicFile } from '../../src/http/public-files.ts';
import { checkAsyncProperty } from '../helpers/property.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tmp = useTempDir('gazette-public-', 'all');
let pub: string;

beforeAll(async () => {
  pub = path.join(tmp(), 'public');
  const files: Record<string, string> = {
    'robots.txt': 'User-agent: *\n',
    'favicon.ico': 'ico',
    'images/une.jpg': 'jpeg bytes',
    'images/Photo Été.PNG': 'png bytes',
    'css/site.css': 'body{}',
    'a propos/index.html': '<p>À propos</p>',
    '%2e%2e/odd.txt': 'a folder literally named %2e%2e',
    '.env': 'SECRET=1',
    '.git/config': '[core]',
    'images/.cache/x.jpg': 'hidden',
    'sans-extension': 'bytes',
  };
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(pub, name)), { recursive: true });
    await writeFile(path.join(pub, name), body);
  }
  await mkdir(path.join(pub, 'vide'));
  await writeFile(path.join(tmp(), 'secret.txt'), 'outside');
  await symlink(path.join(tmp(), 'secret.txt'), path.join(pub, 'fuite.txt'));
  await symlink(tmp(), path.join(pub, 'dossier-fuite'));
  await symlink(path.join(pub, 'images/une.jpg'), path.join(pub, 'alias.jpg'));
  await symlink(path.join(pub, '.env'), path.join(pub, 'env.txt'));
  await symlink(path.join(pub, 'absent.txt'), path.join(pub, 'casse.txt'));
});

describe('resolvePublicFile', () => {
  describe('when the path names a file of the folder', () => {
    it.each([
      // [request path, file below public/, content type]
      ['/robots.txt', 'robots.txt', 'text/plain; charset=utf-8'],
      ['/favicon.ico', 'favicon.ico', 'image/x-icon'],
      ['/images/une.jpg', 'images/une.jpg', 'image/jpeg'],
      ['/images/Photo%20%C3%89t%C3%A9.PNG', 'images/Photo Été.PNG', 'image/png'],
      ['/css/site.css', 'css/site.css', 'text/css; charset=utf-8'],
      ['/a%20propos/', 'a propos/index.html', 'text/html; charset=utf-8'],
      ['/a%20propos/index.html', 'a propos/index.html', 'text/html; charset=utf-8'],
      ['/%252e%252e/odd.txt', '%2e%2e/odd.txt', 'text/plain; charset=utf-8'],
      ['/sans-extension', 'sans-extension', 'application/octet-stream'],
      // A symlink whose real path stays inside is followed; its content type is the requested name's.
      ['/alias.jpg', 'images/une.jpg', 'image/jpeg'],
    ])('%s → public/%s as %s', async (urlPath, file, contentType) => {
      const found = await resolvePublicFile(pub, urlPath);
      expect(found && { file: path.relative(pub, found.absolute), contentType: found.contentType }).toEqual({ file, contentType });
    });

    it('gives the size and modification time', async () => {
      const found = await resolvePublicFile(pub, '/robots.txt');
      expect(found?.size).toBe('User-agent: *\n'.length);
      expect(found?.mtime).toBeInstanceOf(Date);
    });
  });

  describe('when the path must not be served', () => {
    it.each([
      // traversal, plain and encoded
      ['/../secret.txt'],
      ['/images/../../secret.txt'],
      ['/%2e%2e/secret.txt'],
      ['/%2E%2E/secret.txt'],
      ['/images/%2e%2e/%2e%2e/secret.txt'],
      ['/..%2fsecret.txt'],
      ['/%2e%2e%2fsecret.txt'],
      ['/./robots.txt'],
      // backslashes and NUL, plain and encoded
      ['/images\\..\\..\\secret.txt'],
      ['/images%5c..%5c..%5csecret.txt'],
      ['/robots.txt%00.jpg'],
      ['/robots.txt\0'],
      ['/robots.txt%0a'],
      // dotfiles and dot-folders
      ['/.env'],
      ['/.git/config'],
      ['/%2egit/config'],
      ['/images/.cache/x.jpg'],
      // folders: no listing
      ['/images/'],
      ['/images'],
      ['/vide/'],
      ['/'],
      // symlinks out of the folder, to a dotfile, or dangling
      ['/fuite.txt'],
      ['/dossier-fuite/secret.txt'],
      ['/env.txt'],
      ['/casse.txt'],
      // not a clean path
      ['robots.txt'],
      ['//robots.txt'],
      ['/images//une.jpg'],
      ['/%E0%A4%A'],
      ['/absent.txt'],
    ])('%j → nothing', async (urlPath) => {
      expect(await resolvePublicFile(pub, urlPath)).toBeUndefined();
    });

    it('answers nothing when the folder does not exist', async () => {
      expect(await resolvePublicFile(path.join(tmp(), 'absent'), '/robots.txt')).toBeUndefined();
    });
  });

  describe('misuse', () => {
    it.each([
      ['publicDir', () => resolvePublicFile('', '/x')],
      ['urlPath', () => resolvePublicFile('public', 3 as never)],
    ])('rejects a wrong %s with a TypeError', async (name, call) => {
      await expect(call()).rejects.toThrow(new RegExp(`^${name}:`));
    });
  });
});

describe('resolvePublicFile, for any request path', () => {
  const piece = fc.constantFrom(
    '..',
    '.',
    '%2e',
    '%2E',
    '%2f',
    '%5c',
    '\\',
    '%00',
    '/',
    '//',
    '.env',
    '.git',
    'config',
    'images',
    'une.jpg',
    'fuite.txt',
    'dossier-fuite',
    'secret.txt',
    'env.txt',
    'robots.txt',
    '%252e',
    'a%20propos',
    '%',
  );
  const urlPath = fc.array(piece, { maxLength: 8 }).map((ps) => `/${ps.join('')}`);

  it('answers nothing or a file inside the folder that is no dotfile', async () => {
    await checkAsyncProperty(
      fc.asyncProperty(urlPath, async (p) => {
        const found = await resolvePublicFile(pub, p);
        if (found === undefined) return;
        const inside = path.relative(await import('node:fs/promises').then((fs) => fs.realpath(pub)), found.absolute);
        expect(inside.startsWith('..') || path.isAbsolute(inside)).toBe(false);
        expect(inside.split(path.sep).some((s) => s.startsWith('.'))).toBe(false);
      }),
      400,
    );
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['a.GIF', 'image/gif'],
    ['a.webp', 'image/webp'],
    ['a.avif', 'image/avif'],
    ['doc.pdf', 'application/pdf'],
    ['f.woff2', 'font/woff2'],
    ['son.mp3', 'audio/mpeg'],
    ['clip.mp4', 'video/mp4'],
    ['archive.tar.gz', 'application/octet-stream'],
    ['toString', 'application/octet-stream'],
    ['x.constructor', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(contentTypeOf(name)).toBe(type);
  });
});
