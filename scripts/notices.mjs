#!/usr/bin/env node
// Regenerates rules/<id>/notice.md from the captured page in ../shared/seeds/, so the notice text is
// reproducible: the body is the lines from `source.firstLine` to `source.lastLine` of ruleset.json,
// each trimmed of its indentation, blank lines collapsed, page chrome outside them dropped.
//
//   node scripts/notices.mjs           write every notice.md
//   node scripts/notices.mjs --check   exit 1 if any notice.md differs from what the seed gives
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedsDir = join(root, '..', 'shared', 'seeds');

/** The notice body of a seed, as notice.md holds it. */
export function extractNotice(seedText, { firstLine, lastLine }) {
  const lines = seedText.split(/\r?\n/).map((line) => line.trim());
  const start = lines.indexOf(firstLine);
  if (start < 0) throw new Error(`first line not found in seed: ${firstLine}`);
  const end = lines.indexOf(lastLine, start);
  if (end < 0) throw new Error(`last line not found after the first: ${lastLine}`);
  const body = lines.slice(start, end + 1).filter((line) => line !== '');
  return `# ${body[0]}\n\n${body.slice(1).join('\n\n')}\n`;
}

export function noticeFor(id) {
  const ruleSet = JSON.parse(readFileSync(join(root, 'rules', id, 'ruleset.json'), 'utf8'));
  const seed = readFileSync(join(seedsDir, ruleSet.source.seed), 'utf8');
  return extractNotice(seed, ruleSet.source);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let differs = false;
  for (const id of readdirSync(join(root, 'rules'))) {
    if (!existsSync(join(root, 'rules', id, 'ruleset.json'))) continue;
    const target = join(root, 'rules', id, 'notice.md');
    const text = noticeFor(id);
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
