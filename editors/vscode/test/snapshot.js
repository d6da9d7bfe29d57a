#!/usr/bin/env node
// Snapshot test of the grammar over every example of the repository.
//
// vscode-tmgrammar-snap writes each snapshot beside its source file. So that
// the examples' folders stay free of editor files, every examples/**/*.cxv is
// mirrored into test/snapshots/ (the copies are ignored by git; the .snap files
// are committed) and the tool runs there. On top of the snapshot comparison,
// no token of an example may be scoped invalid.illegal: an example is valid
// cxv, so such a token means the grammar has drifted from the language.
//
// Usage: node test/snapshot.js [--update]

'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
const extensionRoot = path.resolve(here, '..');
const examplesRoot = path.resolve(extensionRoot, '..', '..', 'examples');
const mirrorRoot = path.join(here, 'snapshots');
const update = process.argv.includes('--update');

function cxvFilesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...cxvFilesUnder(full));
    else if (entry.isFile() && entry.name.endsWith('.cxv')) found.push(full);
  }
  return found.sort();
}

// Mirror the examples; drop copies whose example is gone.
const examples = cxvFilesUnder(examplesRoot).map((f) => path.relative(examplesRoot, f));
if (examples.length === 0) {
  console.error(`no .cxv file under ${examplesRoot}: nothing to snapshot`);
  process.exit(1);
}
for (const stale of cxvFilesUnder(mirrorRoot)) {
  if (!examples.includes(path.relative(mirrorRoot, stale))) fs.unlinkSync(stale);
}
for (const rel of examples) {
  const target = path.join(mirrorRoot, rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(examplesRoot, rel), target);
}

const tool = path.join(extensionRoot, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'snapshot.js');
const args = [tool, ...(update ? ['--updateSnapshot'] : []), 'test/snapshots/**/*.cxv'];
const run = spawnSync(process.execPath, args, { cwd: extensionRoot, stdio: 'inherit' });
let failed = run.status !== 0;
if (failed && !update) {
  console.error('\nThe highlighting of an example changed. If the change is intended (the example');
  console.error('or the grammar was edited on purpose), refresh the snapshots and commit them:');
  console.error('  cd editors/vscode && npm run snapshot:update');
}

// No example may contain a token the grammar calls invalid.
for (const rel of examples) {
  const snap = path.join(mirrorRoot, rel + '.snap');
  if (!fs.existsSync(snap)) continue;
  let sourceLine = 0;
  for (const line of fs.readFileSync(snap, 'utf8').split('\n')) {
    if (line.startsWith('>')) sourceLine += 1;
    else if (line.includes('invalid.illegal')) {
      console.error(`examples/${rel}:${sourceLine}: the grammar marks a token invalid: ${line.trim()}`);
      failed = true;
    }
  }
}

console.log(`snapshot: ${examples.length} example file(s) ${failed ? 'FAILED' : 'ok'}`);
process.exit(failed ? 1 : 0);
