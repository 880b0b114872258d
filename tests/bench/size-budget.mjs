/**
 * Bundle size budget (design.md §6): after `npm run build`, measures what each part of
 * .output/chrome-mv3 ships, raw and gzipped (node:zlib, level 9), and exits 1 when a part is over
 * its budget, so a size regression fails CI (`npm run size`).
 *
 * A part that does not meet its design budget yet has a ratchet ceiling instead (CEILINGS): CI fails
 * when it grows past the ceiling, and the design budget is reported as missed. `--strict` fails on
 * the design budgets alone. Lower a ceiling whenever the part shrinks; drop it once under budget.
 *
 * - content script: every file the manifest's content_scripts entries load (js + css) plus the
 *   shadow-root CSS it fetches (content-scripts/*.css), and any chunk they import;
 * - popup: popup.html and every script and stylesheet it references, with their static imports.
 * Usage: node tests/bench/size-budget.mjs [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, '.output/chrome-mv3');
/** Gzipped budgets in bytes (design.md §6: kB = 1000 bytes). */
export const BUDGETS = { contentScript: 40_000, popup: 60_000 };
/**
 * Ratchet ceilings (gzip bytes) for parts still over their design budget: the size when measured
 * plus ~1 kB. None today: the content script (67.4 kB with a 68.5 kB ceiling until 2026-11-22) is
 * under its 40 kB budget since estimation moved to the background (BENCHMARKS.md).
 * @type {Record<string, number>}
 */
export const CEILINGS = {};
const strict = process.argv.includes('--strict');

/**
 * @typedef {{ content_scripts?: { js?: string[], css?: string[] }[], action?: { default_popup?: string } }} Manifest
 * @typedef {{ file: string, raw: number, gzip: number }} FileSize
 * @typedef {{ files: FileSize[], raw: number, gzip: number, budgetGzip: number | null }} Part
 */

/** @param {string} line */
const print = (line) => process.stdout.write(`${line}\n`);

/**
 * Files a JS file pulls in statically (import … from "/chunks/…"; dynamic import() excluded).
 * @param {string} file
 * @returns {string[]}
 */
function staticImports(file) {
  const code = fs.readFileSync(path.join(OUT, file), 'utf8');
  const found = [];
  for (const match of code.matchAll(
    /(?:^|[;\s}])import\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+)["'`]/g,
  )) {
    const spec = match[1];
    if (spec === undefined || /^[a-z]+:/.test(spec)) continue;
    const resolved = spec.startsWith('/')
      ? spec.slice(1)
      : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    found.push(resolved);
  }
  return found;
}

/**
 * @param {string[]} files
 * @returns {string[]}
 */
function withImports(files) {
  /** @type {Set<string>} */
  const all = new Set();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === undefined || all.has(file) || !fs.existsSync(path.join(OUT, file))) continue;
    all.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(file));
  }
  return [...all].sort();
}

/** @param {Manifest} manifest */
function contentScriptFiles(manifest) {
  const listed = (manifest.content_scripts ?? []).flatMap((entry) => [
    ...(entry.js ?? []),
    ...(entry.css ?? []),
  ]);
  // cssInjectionMode 'ui': the CSS is fetched into the shadow root, not listed under content_scripts.
  const shadowCss = fs
    .readdirSync(path.join(OUT, 'content-scripts'))
    .filter((name) => name.endsWith('.css'))
    .map((name) => `content-scripts/${name}`);
  return withImports([...new Set([...listed, ...shadowCss])]);
}

/** @param {Manifest} manifest */
function popupFiles(manifest) {
  const page = manifest.action?.default_popup ?? 'popup.html';
  const html = fs.readFileSync(path.join(OUT, page), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) =>
    (match[1] ?? '').replace(/^\//, ''),
  );
  return [page, ...withImports(referenced)];
}

/**
 * @param {string[]} files
 * @param {number | null} budgetGzip
 * @returns {Part}
 */
function measure(files, budgetGzip) {
  const parts = files.map((file) => {
    const bytes = fs.readFileSync(path.join(OUT, file));
    return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files: parts,
    raw: parts.reduce((sum, part) => sum + part.raw, 0),
    gzip: parts.reduce((sum, part) => sum + part.gzip, 0),
    budgetGzip,
  };
}

if (!fs.existsSync(path.join(OUT, 'manifest.json'))) {
  process.stderr.write('size-budget: .output/chrome-mv3 is missing: run `npm run build` first\n');
  process.exit(1);
}
/**
 * @param {unknown} value the parsed manifest.json
 * @returns {Manifest}
 */
function asManifest(value) {
  if (typeof value !== 'object' || value === null)
    throw new Error('manifest.json is not an object');
  return value;
}
const manifest = asManifest(JSON.parse(fs.readFileSync(path.join(OUT, 'manifest.json'), 'utf8')));
/** @type {Record<string, Part>} */
const report = {
  contentScript: measure(contentScriptFiles(manifest), BUDGETS.contentScript),
  popup: measure(popupFiles(manifest), BUDGETS.popup),
  background: measure(['background.js'], null),
};

if (process.argv.includes('--json')) {
  print(JSON.stringify(report));
} else {
  /** @param {number} bytes */
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  for (const [name, part] of Object.entries(report)) {
    const budget = part.budgetGzip === null ? 'no budget' : `budget ${kB(part.budgetGzip)} gzip`;
    const verdict = part.budgetGzip === null ? '' : part.gzip <= part.budgetGzip ? ' OK' : ' OVER';
    print(`${name}: ${kB(part.raw)} raw, ${kB(part.gzip)} gzip (${budget})${verdict}`);
    for (const file of part.files)
      print(`  ${file.file}: ${kB(file.raw)} raw, ${kB(file.gzip)} gzip`);
  }
}
const over = Object.entries(report).filter(
  ([, part]) => part.budgetGzip !== null && part.gzip > part.budgetGzip,
);
/** @param {string} name @param {Part} part */
const overCeiling = (name, part) => {
  const ceiling = CEILINGS[name];
  return strict || ceiling === undefined || part.gzip > ceiling;
};
const failing = over.filter(([name, part]) => overCeiling(name, part));
for (const [name, part] of over) {
  const ceiling = CEILINGS[name];
  if (!failing.some(([failed]) => failed === name) && ceiling !== undefined) {
    process.stderr.write(
      `size-budget: ${name} misses its design budget (${String(part.gzip)} > ${String(part.budgetGzip)} B gzip) but is under its ratchet ceiling (${String(ceiling)} B)\n`,
    );
  }
}
if (failing.length > 0) {
  process.stderr.write(
    `size-budget: over budget: ${failing.map(([name]) => name).join(', ')} (design.md §6${strict ? ', --strict' : ', or past the ratchet ceiling'})\n`,
  );
  process.exitCode = 1;
}
