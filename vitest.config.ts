import { defineConfig } from 'vitest/config';

// Four suites: `unit` needs nothing but Node; `e2e` drives Debian's Chromium;
// `interop` runs real feed clients (python3-feedparser, newsboat, xmllint); `deploy` runs Debian's nginx.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/interop/**', 'tests/deploy/**'],
          // The CLI tests spawn the real bin (tsx start-up ≈ 1 s); leave room on a busy 2-core machine.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        // Debian's nginx with the configs of deploy/, compared with gazette serve (skipped without nginx).
        test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        test: { name: 'interop', include: ['tests/interop/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
