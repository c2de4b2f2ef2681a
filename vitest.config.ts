import { defineConfig } from 'vitest/config';

// Six suites: `unit` needs nothing but Node; `package` installs the packed tarball; `e2e` drives Debian's Chromium;
// `interop` runs real feed clients (feedparser, newsboat, xmllint, XML::Feed, ROME, gofeed); `deploy` runs Debian's nginx;
// `scale` builds a generated archive under a small heap.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/interop/**', 'tests/package/**', 'tests/deploy/**', 'tests/scale/**'],
          // A few CLI tests spawn the real bin (tests/cli/bin.test.ts); leave room on a busy 2-core machine.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // `npm pack` + install into a temporary app: the package as users get it (needs npm's registry or cache).
        test: { name: 'package', include: ['tests/package/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        // Debian's nginx with the configs of deploy/, compared with gazette serve (skipped without nginx).
        test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        // The compiled CLI over 20,000 generated records under a small heap: proof that gazette build streams.
        test: { name: 'scale', include: ['tests/scale/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 900_000 },
      },
      {
        test: { name: 'interop', include: ['tests/interop/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
