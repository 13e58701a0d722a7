// Preloaded by npm run bench:batch (`node --import`): at exit, writes the process's peak resident set
// size (kilobytes, every thread included) to the file ZHICHENG_RSS_FILE names.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.ZHICHENG_RSS_FILE, String(process.resourceUsage().maxRSS)));
