// The snippets: one per declaration, and each expands (with its default
// placeholders) to text the grammar reads as valid cxv.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const snippets = require('../snippets/cxv.json');
const { tokenize } = require('./tokenize');

const DECLARATIONS = ['framework', 'import', 'stakeholder', 'table', 'kpi', 'driver', 'value',
  'initiative', 'experiment', 'funding', 'expect', 'function'];

// What VS Code inserts when every placeholder is left at its default.
function expand(body) {
  return body.join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')   // ${1|a,b|} -> a
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')            // ${1:default} -> default
    .replace(/\$\d+/g, '')                          // $0 -> nothing
    .replace(/\t/g, '  ');
}

test('there is one snippet per declaration, with the keyword as prefix', () => {
  assert.deepStrictEqual(Object.keys(snippets).sort(), [...DECLARATIONS].sort());
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.strictEqual(snippet.prefix, name);
    assert.ok(snippet.description.length > 10, `${name} has a description`);
    assert.match(snippet.body[0], new RegExp(`^${name}\\b`));
  }
});

for (const name of DECLARATIONS) {
  test(`the ${name} snippet expands to text with no invalid token`, async () => {
    const text = expand(snippets[name].body);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'every placeholder was expanded');
    const tokens = await tokenize(text);
    const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
    assert.deepStrictEqual(invalid, []);
    assert.ok(tokens[0].scopes.includes('keyword.declaration.cxv'), `${name} starts with its keyword`);
    const opens = (text.match(/\{/g) || []).length;
    assert.strictEqual(opens, (text.match(/\}/g) || []).length, 'braces are balanced');
  });
}
