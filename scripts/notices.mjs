#!/usr/bin/env node
// Regenerates rules/<id>/notice.md from the captured page, rules/<id>/source.txt (a copy of the capture in
// shared/seeds/ that ruleset.json's `source.seed` names, carried in the repository so a plain clone can
// check it), so every notice text is reproducible from its capture. The extraction is the library's
// (src/maintain/normalise-notice.ts, which `zhicheng new` uses too), read from the build: run `tsup` first
// (`npm run notices` does). The body is the lines from `source.firstLine` to `source.lastLine` of
// ruleset.json (as the capture writes them), each trimmed, blank lines dropped, then:
//   - `source.omitLines`: capture artefacts inside the body (a repeated page title) are dropped;
//   - `source.corrections`: spots corrupted in capture are replaced by the official text;
//   - `source.transform: "traditional-with-pinyin"`: pinyin glosses such as 業(yè) are removed and the
//     text converted to simplified Chinese with OpenCC's Traditional→Mainland tables (opencc-js).
//
//   node scripts/notices.mjs              write every notice.md
//   node scripts/notices.mjs --only <id>  write one
//   node scripts/notices.mjs --check      exit 1 if any notice.md differs from what its seed gives
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractNotice, loadSimplifier } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function noticeFor(id) {
  const ruleSet = JSON.parse(readFileSync(join(root, 'rules', id, 'ruleset.json'), 'utf8'));
  const seed = readFileSync(join(root, 'rules', id, 'source.txt'), 'utf8');
  const simplify = ruleSet.source.transform ? await loadSimplifier() : undefined;
  return extractNotice(seed, ruleSet.source, simplify);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  let differs = false;
  for (const id of readdirSync(join(root, 'rules'))) {
    if (only !== undefined && id !== only) continue;
    if (!existsSync(join(root, 'rules', id, 'ruleset.json'))) continue;
    const target = join(root, 'rules', id, 'notice.md');
    const text = await noticeFor(id);
    if (check) {
      const same = existsSync(target) && readFileSync(target, 'utf8') === text;
      if (!same) differs = true;
      console.log(`${same ? 'ok     ' : 'DIFFERS'} ${id}`);
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${target}`);
    }
  }
  process.exit(differs ? 1 : 0);
}
