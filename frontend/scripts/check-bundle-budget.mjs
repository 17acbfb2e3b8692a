// Fails the build when the JavaScript a user downloads to reach the sign-in page and the signed-in shell is over
// budget (gzip). Reads Vite's manifest (dist/.vite/manifest.json): the entry with its static imports, plus the
// lazy chunks of the sign-in and signed-in parts (features/signin/PublicApp, auth/SignedInApp are imported
// statically or lazily from the entry; both count), and the prisoner register, the first screen of an assessor. Prints every chunk's size.
//
//   node scripts/check-bundle-budget.mjs [--budget-kb 250]

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../dist');
const budgetArg = process.argv.indexOf('--budget-kb');
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 250;

/** Sources whose chunks (and static imports) make up "sign-in + shell". */
const CRITICAL = [
  'index.html',
  'src/features/signin/PublicApp.tsx',
  'src/features/home/HomePage.tsx',
  'src/features/prisoners/PrisonerRegisterPage.tsx',
];

const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

function gzipKb(file) {
  const bytes = readFileSync(path.join(dist, file));
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
}

function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

for (const key of CRITICAL) {
  if (!manifest[key]) {
    console.error(
      `bundle budget: ${key} is not in the manifest; update CRITICAL in ${path.relative(process.cwd(), fileURLToPath(import.meta.url))}`,
    );
    process.exit(1);
  }
}

const critical = new Set([...closure(CRITICAL)].map((key) => manifest[key].file).filter((f) => f.endsWith('.js')));
const rows = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith('.js'))
  .map((chunk) => ({ file: chunk.file, ...gzipKb(chunk.file), critical: critical.has(chunk.file) }))
  .filter((row, i, all) => all.findIndex((r) => r.file === row.file) === i)
  .sort((a, b) => b.gzip - a.gzip);

const total = rows.filter((r) => r.critical).reduce((sum, r) => sum + r.gzip, 0);
const everything = rows.reduce((sum, r) => sum + r.gzip, 0);

console.log('\nJavaScript chunks (KB; * = needed for sign-in, the signed-in shell and the prisoner register):');
for (const row of rows) {
  console.log(
    `  ${row.critical ? '*' : ' '} ${row.file.padEnd(48)} ${row.raw.toFixed(1).padStart(8)} raw ${row.gzip.toFixed(1).padStart(7)} gzip`,
  );
}
console.log(
  `\nsign-in + shell + prisoner register: ${total.toFixed(1)} KB gzip (budget ${budgetKb} KB); all JavaScript: ${everything.toFixed(1)} KB gzip`,
);
if (total > budgetKb) {
  console.error(`bundle budget exceeded: ${total.toFixed(1)} KB > ${budgetKb} KB gzip`);
  process.exit(1);
}
