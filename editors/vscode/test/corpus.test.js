// Valid cxv written elsewhere in the repository must highlight without an
// invalid token: the standard library (stdlib/**/*.cxv) and every ```cxv
// block of README.md and docs/ (blocks meant to be wrong are fenced
// ```cxv-error and are not read). The examples are covered by the snapshots.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { tokenize } = require('./tokenize');

const repo = path.resolve(__dirname, '..', '..', '..');

function filesUnder(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full, suffix);
    return e.isFile() && e.name.endsWith(suffix) ? [full] : [];
  }).sort();
}

// Each ```cxv block with the line of the file where its text starts.
function cxvBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*```cxv\s*$/.test(lines[i])) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !/^\s*```/.test(lines[end])) end++;
      blocks.push({ firstLine: start + 1, text: lines.slice(start, end).join('\n') });
      i = end;
    }
  }
  return blocks;
}

async function invalidTokens(text, where, firstLine = 1) {
  return (await tokenize(text))
    .filter((t) => t.scopes.some((s) => s.startsWith('invalid')))
    .map((t) => `${where}:${t.line + firstLine - 1}: ${JSON.stringify(t.text)} is ${t.scopes[t.scopes.length - 1]}`);
}

test('the standard library highlights without invalid tokens', async () => {
  const files = filesUnder(path.join(repo, 'stdlib'), '.cxv');
  const problems = [];
  for (const f of files) problems.push(...await invalidTokens(fs.readFileSync(f, 'utf8'), path.relative(repo, f)));
  assert.deepStrictEqual(problems, []);
});

test('the ```cxv blocks of README.md and docs/ highlight without invalid tokens', async () => {
  const files = [path.join(repo, 'README.md'), ...filesUnder(path.join(repo, 'docs'), '.md')].filter(fs.existsSync);
  const problems = [];
  for (const f of files) {
    for (const block of cxvBlocks(fs.readFileSync(f, 'utf8'))) {
      problems.push(...await invalidTokens(block.text, path.relative(repo, f), block.firstLine));
    }
  }
  assert.deepStrictEqual(problems, []);
});

test('the block reader finds ```cxv blocks and skips ```cxv-error ones', () => {
  const md = ['text', '```cxv', 'kpi a {', '}', '```', '```cxv-error', 'kpi ;', '```', '```cxv', 'value v = 1', '```'].join('\n');
  assert.deepStrictEqual(cxvBlocks(md), [
    { firstLine: 3, text: 'kpi a {\n}' },
    { firstLine: 10, text: 'value v = 1' },
  ]);
});
