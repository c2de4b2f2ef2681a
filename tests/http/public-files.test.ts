import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolvePublicFile } from '../../src/http/public-files.ts';
import { checkAsyncProperty } from '../helpers/property.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { casesOf } from '../helpers/cases.ts';

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
    it.each(casesOf('http/public-files', 'files of the folder', 'string', 'string', 'string'))('%s → public/%s as %s', async (urlPath, file, contentType) => {
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
    it.each(casesOf('http/public-files', 'not served', 'string'))('%j → nothing', async (urlPath) => {
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
  it.each(casesOf('http/public-files', 'contentTypeOf', 'string', 'string'))('%s → %s', (name, type) => {
    expect(contentTypeOf(name)).toBe(type);
  });
});
