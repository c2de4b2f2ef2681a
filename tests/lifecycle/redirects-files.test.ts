import { describe, expect, it } from 'vitest';
import { renderRedirectsFiles } from '../../src/lifecycle/redirects-files.ts';
import { casesOf } from '../helpers/cases.ts';

const HEADER_LINES = { 'redirects.map': 3, _redirects: 1 } as const;
const rules = (text: string, file: keyof typeof HEADER_LINES) => text.split('\n').slice(HEADER_LINES[file], -1);

describe('renderRedirectsFiles', () => {
  describe('when the site is at the root of its host', () => {
    const files = renderRedirectsFiles(
      [
        { from: '/articles/zz-ancien/', to: '/articles/nouveau/' },
        { from: '/articles/aa-ancien/', to: '/articles/nouveau/' },
      ],
      '',
    );

    it('writes nginx map lines sorted by former path', () => {
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual([
        '"/articles/aa-ancien/" "/articles/nouveau/";',
        '"/articles/zz-ancien/" "/articles/nouveau/";',
      ]);
    });

    it('writes _redirects lines sorted by former path, as 301', () => {
      expect(rules(files._redirects, '_redirects')).toEqual(['/articles/aa-ancien/ /articles/nouveau/ 301', '/articles/zz-ancien/ /articles/nouveau/ 301']);
    });

    it('explains how to load the map, in comments', () => {
      expect(files['redirects.map']).toMatch(
        /^# .*\n#\s+map \$uri \$gazette_redirect \{ include .*\n#\s+if \(\$gazette_redirect\) \{ return 301 \$gazette_redirect; \}\n/,
      );
    });
  });

  describe('when the site lives under a path', () => {
    it.each(casesOf('lifecycle/redirects-files', 'base paths', 'string'))('puts %s before both sides', (basePath) => {
      const files = renderRedirectsFiles([{ from: '/articles/a/', to: '/articles/b/' }], basePath);
      expect(rules(files._redirects, '_redirects')).toEqual(['/actu/articles/a/ /actu/articles/b/ 301']);
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual(['"/actu/articles/a/" "/actu/articles/b/";']);
    });
  });

  describe('when a path is hostile', () => {
    const hostilePaths = casesOf('lifecycle/redirects-files', 'hostile paths', 'string', 'string', 'string');
    it.each(hostilePaths)('%j stays one quoted key and one encoded path', (from, nginx, netlify) => {
      const files = renderRedirectsFiles([{ from, to: '/articles/nouveau/' }], '');
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual([nginx]);
      expect(rules(files._redirects, '_redirects')).toEqual([netlify]);
    });

    it.each(casesOf('lifecycle/redirects-files', 'left out', 'string', 'string'))('leaves out a path with %s', (_, from) => {
      const files = renderRedirectsFiles(
        [
          { from, to: '/articles/nouveau/' },
          { from: '/articles/ok/', to: '/articles/nouveau/' },
        ],
        '',
      );
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual(['"/articles/ok/" "/articles/nouveau/";']);
      expect(rules(files._redirects, '_redirects')).toEqual(['/articles/ok/ /articles/nouveau/ 301']);
    });

    it('encodes a hostile target too, so it cannot name an nginx variable or split a rule', () => {
      const files = renderRedirectsFiles([{ from: '/articles/a/', to: '/articles/$host x\n/' }], '');
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual(['"/articles/a/" "/articles/%24host%20x%0A/";']);
      expect(rules(files._redirects, '_redirects')).toEqual(['/articles/a/ /articles/%24host%20x%0A/ 301']);
    });
  });

  describe('when redirects repeat or go nowhere', () => {
    it('keeps the first rule for a path and drops a redirect to itself', () => {
      const files = renderRedirectsFiles(
        [
          { from: '/articles/a/', to: '/articles/b/' },
          { from: '/articles/%61/', to: '/articles/c/' },
          { from: '/articles/d/', to: '/articles/d/' },
        ],
        '',
      );
      expect(rules(files._redirects, '_redirects')).toEqual(['/articles/a/ /articles/b/ 301']);
    });

    it('writes only the comments for no redirects', () => {
      const files = renderRedirectsFiles([], '');
      expect(rules(files._redirects, '_redirects')).toEqual([]);
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual([]);
    });
  });

  describe('misuse', () => {
    it.each([
      ['redirects', () => renderRedirectsFiles('x' as never, '')],
      ['basePath', () => renderRedirectsFiles([], 'actu')],
    ])('throws a TypeError naming %s', (name, call) => {
      expect(call).toThrow(new RegExp(`^${name}:`));
    });
  });
});
