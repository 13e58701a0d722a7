#!/usr/bin/env node
// What the published source maps carry (issue 15): our own TypeScript, and nothing else.
//
// esbuild writes every input's full text into `sourcesContent`: the bundled rule sets (JSON already in
// the package under rules/), and in the command line and browser bundles all of zod, date-fns and the
// division dataset — 3.5 MB of a 6 MB tarball that no one debugging this library reads. A stack trace
// through the library maps to `src/…` with its text shown; a frame in a bundled dependency still maps to
// its file and line (the mappings stay), and its text is in that dependency's own package.
//
// `npm pack` runs this (the `prepack` script), so every tarball is trimmed whatever built `dist/`; it
// rewrites each map in place, atomically (other processes may be reading `dist/`), and running it
// twice changes nothing.
//
//   node scripts/trim-source-maps.mjs          trim dist/**/*.map and print what was kept
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const OWN_SOURCES = join(root, 'src');

/** True when a map's `sources` entry (relative to the map's folder) is a file of ours under src/. */
export function isOwnSource(mapFile, source) {
  const path = relative(OWN_SOURCES, resolve(dirname(mapFile), source));
  return !path.startsWith('..') && !path.startsWith('/');
}

/** The map with the text of every source that is not ours set to null (the source map spec's "absent"). */
export function trimmed(mapFile, map) {
  if (!Array.isArray(map.sourcesContent)) return map;
  const sourcesContent = map.sources.map((source, index) => (isOwnSource(mapFile, source) ? (map.sourcesContent[index] ?? null) : null));
  return { ...map, sourcesContent };
}

function mapFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return mapFiles(path);
    return entry.name.endsWith('.map') ? [path] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let before = 0;
  let after = 0;
  for (const file of mapFiles(dist)) {
    const text = readFileSync(file, 'utf8');
    const output = JSON.stringify(trimmed(file, JSON.parse(text)));
    before += text.length;
    after += output.length;
    if (output === text) continue;
    writeFileSync(`${file}.trimming`, output);
    renameSync(`${file}.trimming`, file);
  }
  const kB = (chars) => `${Math.round(chars / 1024)} KB`;
  // stderr: `npm pack --json` runs this first, and its stdout must stay the JSON.
  console.error(`source maps: ${kB(before)} → ${kB(after)} (sources outside src/ keep their mappings, not their text)`);
}
