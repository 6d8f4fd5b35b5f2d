// Preloaded into each measured child: writes the child's peak resident memory (KB) where BENCH_RSS_FILE says.
process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
