// The headless screenshots' HTML (scripts/highlight-html.js): every scope the
// grammar gives the examples has a colour of its own, and text is escaped.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { tokenize } = require('./tokenize');
const { toHtml, colourOf } = require('../scripts/highlight-html');

const examples = path.resolve(__dirname, '..', '..', '..', 'examples');

test('every meaningful scope in the examples gets a theme colour', async () => {
  for (const dir of fs.readdirSync(examples)) {
    for (const f of fs.readdirSync(path.join(examples, dir)).filter((n) => n.endsWith('.cxv'))) {
      const tokens = await tokenize(fs.readFileSync(path.join(examples, dir, f), 'utf8'));
      for (const t of tokens) {
        const inner = t.scopes[t.scopes.length - 1];
        if (inner === 'source.cxv' || t.text.trim() === '') continue;
        // Punctuation and operators are meant to stay in the foreground colour.
        if (inner.startsWith('punctuation') || inner.startsWith('keyword.operator.') && !inner.startsWith('keyword.operator.word')) continue;
        assert.notStrictEqual(colourOf(t.scopes), '#d4d4d4', `${dir}/${f}:${t.line}: '${t.text}' (${inner}) has no colour`);
      }
    }
  }
});

test('keywords, numbers, strings and comments are coloured apart; HTML is escaped', async () => {
  const html = await toHtml('kpi churn "a <b> & c" {  # note\n  target 1.5%\n}\n', 't');
  assert.match(html, /<span style="color:#569cd6">kpi<\/span>/);
  assert.match(html, /<span style="color:#ce9178">[^<]*a &lt;b&gt; &amp; c/);
  assert.match(html, /<span style="color:#6a9955">[^<]*note<\/span>/);
  assert.match(html, /<span style="color:#b5cea8">1.5<\/span>/);
  assert.doesNotMatch(html, /<b>/);
});
