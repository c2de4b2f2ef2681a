// Preloaded into a child `node` (--import): at exit, writes the process's peak resident set size (bytes) to the
// file named by GAZETTE_PEAK_RSS_FILE, so a test can read what a real CLI run held at most.
import { writeFileSync } from 'node:fs';

const file = process.env.GAZETTE_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes (getrusage's ru_maxrss).
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
