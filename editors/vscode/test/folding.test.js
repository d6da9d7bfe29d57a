// Brace and comment folding (folding.js), checked with node's own test runner.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { foldingRanges } = require('../folding');

test('a declaration block folds from its opening line to the line before `}`', () => {
  const text = ['kpi churn "Churn" {', '  better lower', '  target 1.5%', '}'].join('\n');
  assert.deepStrictEqual(foldingRanges(text), [{ start: 0, end: 2, kind: 'region' }]);
});

test('a block on one or two lines does not fold', () => {
  assert.deepStrictEqual(foldingRanges('stakeholder c "C" { weight 30% }'), []);
  assert.deepStrictEqual(foldingRanges('kpi k {\n}'), []);
});

test('nested blocks fold separately', () => {
  const text = ['kpi churn {', '  thresholds {', '    green 1.5%', '    amber 2%', '  }', '}'].join('\n');
  assert.deepStrictEqual(foldingRanges(text), [
    { start: 0, end: 4, kind: 'region' },
    { start: 1, end: 3, kind: 'region' },
  ]);
});

test('braces inside strings and comments are ignored', () => {
  const text = ['table t from "a{b\\"{" {   # {', '  key id: text', '  x: count  # }', '}'].join('\n');
  assert.deepStrictEqual(foldingRanges(text), [{ start: 0, end: 2, kind: 'region' }]);
});

test('an unclosed block (a half-typed file) folds nothing and does not throw', () => {
  assert.deepStrictEqual(foldingRanges('kpi churn {\n  better lower\n'), []);
  assert.deepStrictEqual(foldingRanges('}\n}\n"unterminated {\n'), []);
});

test('runs of whole-line comments fold as comments', () => {
  const text = ['# one', '# two', '# three', 'kpi k { better lower }', '# alone'].join('\n');
  assert.deepStrictEqual(foldingRanges(text), [{ start: 0, end: 2, kind: 'comment' }]);
});

test('every declaration block of the telecom example folds', () => {
  const file = path.resolve(__dirname, '..', '..', '..', 'examples', 'telecom', 'telecom.cxv');
  const text = fs.readFileSync(file, 'utf8');
  const regions = foldingRanges(text).filter((r) => r.kind === 'region');
  const lines = text.split('\n');
  // Every multi-line block opens on a line ending in `{` (before a comment).
  const openers = lines.filter((l) => /\{\s*(#.*)?$/.test(l)).length;
  assert.strictEqual(regions.length, openers);
  for (const r of regions) assert.match(lines[r.end + 1], /^\s*\}/);
});
