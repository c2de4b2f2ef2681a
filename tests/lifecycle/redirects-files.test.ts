import { describe, expect, it } from 'vitest';
import { renderRedirectsFiles } from '../../src/lifecycle/redirects-files.ts';

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
    it.each([['/actu'], ['/actu/']])('puts %s before both sides', (basePath) => {
      const files = renderRedirectsFiles([{ from: '/articles/a/', to: '/articles/b/' }], basePath);
      expect(rules(files._redirects, '_redirects')).toEqual(['/actu/articles/a/ /actu/articles/b/ 301']);
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual(['"/actu/articles/a/" "/actu/articles/b/";']);
    });
  });

  describe('when a path is hostile', () => {
    it.each([
      // [from, nginx line, _redirects line]
      ['/articles/a b/', '"/articles/a b/" "/articles/nouveau/";', '/articles/a%20b/ /articles/nouveau/ 301'],
      ['/articles/a;return 200 x;/', '"/articles/a;return 200 x;/" "/articles/nouveau/";', '/articles/a%3Breturn%20200%20x%3B/ /articles/nouveau/ 301'],
      ['/articles/a"b\\c/', '"/articles/a\\"b\\\\c/" "/articles/nouveau/";', '/articles/a%22b%5Cc/ /articles/nouveau/ 301'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${host} in a path, the hostile input under test
      ['/articles/${host}{}#/', '"/articles/${host}{}#/" "/articles/nouveau/";', '/articles/%24%7Bhost%7D%7B%7D%23/ /articles/nouveau/ 301'],
      ['/articles/%C3%A9t%C3%A9/', '"/articles/été/" "/articles/nouveau/";', '/articles/%C3%A9t%C3%A9/ /articles/nouveau/ 301'],
      ['/articles/été/', '"/articles/été/" "/articles/nouveau/";', '/articles/%C3%A9t%C3%A9/ /articles/nouveau/ 301'],
      ['/articles/100%/', '"/articles/100%/" "/articles/nouveau/";', '/articles/100%25/ /articles/nouveau/ 301'],
    ])('%j stays one quoted key and one encoded path', (from, nginx, netlify) => {
      const files = renderRedirectsFiles([{ from, to: '/articles/nouveau/' }], '');
      expect(rules(files['redirects.map'], 'redirects.map')).toEqual([nginx]);
      expect(rules(files._redirects, '_redirects')).toEqual([netlify]);
    });

    it.each([
      ['a newline', '/articles/a\nlocation / { return 200; }/'],
      ['an encoded newline', '/articles/a%0Ab/'],
      ['a NUL', '/articles/a\u0000/'],
      ['a relative path', 'articles/a/'],
      ['a protocol-relative URL', '//evil.example/'],
    ])('leaves out a path with %s', (_, from) => {
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
