import { defineConfig } from 'vitest/config';

// Six suites: `unit` needs nothing but Node; `package` installs the packed tarball; `e2e` drives Debian's Chromium;
// `interop` runs real feed clients (feedparser, newsboat, xmllint, XML::Feed, ROME, gofeed); `deploy` runs Debian's nginx;
// `scale` builds a generated archive under a small heap.
export default defineConfig({
  test: {
    // Every core for the unit suite (vitest's default leaves one idle: on a 2-core machine, one worker); the suites
    // that drive real servers, browsers and clients keep one file at a time (fileParallelism: false).
    maxWorkers: '100%',
    // Transformed modules kept on disk between runs (in node_modules, keyed by each file's content and the config):
    // a second `npm test` skips most of the transform, ≈ 1 s of its 21 s here. The default from Vitest 5 on.
    experimental: { fsModuleCache: true },
    projects: [
      {
        test: {
          name: 'unit',
          // Temporary folders on a tmpfs where there is one (tests/helpers/memory-tmpdir.ts says why).
          globalSetup: ['tests/helpers/memory-tmpdir.ts'],
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/interop/**', 'tests/package/**', 'tests/deploy/**', 'tests/scale/**'],
          // Test files share a module graph per worker (no per-file re-import: the suite's main cost was loading the
          // same modules 90 times); no module keeps state between tests, and the suite passes under --sequence.shuffle.
          isolate: false,
          // Tests wait on events (a build applied, a timer's build), never on a deadline of their own: these timeouts only
          // catch a hang. A few tests spawn the real bin or start build workers twice; on a 2-core machine shared by
          // several suites that took over 30 s, so the room is wide.
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        // `npm pack` + install into a temporary app: the package as users get it (needs npm's registry or cache).
        test: { name: 'package', fileParallelism: false, include: ['tests/package/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        test: { name: 'e2e', fileParallelism: false, include: ['tests/e2e/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        // Debian's nginx with the configs of deploy/, compared with gazette serve (skipped without nginx).
        test: { name: 'deploy', fileParallelism: false, include: ['tests/deploy/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        // The compiled CLI over 20,000 generated records under a small heap: proof that gazette build streams.
        test: { name: 'scale', fileParallelism: false, include: ['tests/scale/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 900_000 },
      },
      {
        test: { name: 'interop', fileParallelism: false, include: ['tests/interop/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
