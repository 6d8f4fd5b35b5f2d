/* global process */
// Preloaded (--import) into each measured child: writes its peak resident memory (KB) and CPU time (µs) where BENCH_RSS_FILE says.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
});
