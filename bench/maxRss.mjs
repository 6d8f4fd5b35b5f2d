/* global process */
// Preloaded (--import) into each measured child: writes its peak resident memory (KB) where BENCH_RSS_FILE says.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
