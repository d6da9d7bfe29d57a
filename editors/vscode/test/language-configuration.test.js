// language-configuration.json: the regular expressions VS Code uses for
// indentation and word selection behave on real cxv lines.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const config = require('../language-configuration.json');

test('a line that opens a block indents the next one; a closing brace outdents', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('kpi churn "Monthly churn rate" {'));
  assert.ok(increase.test('table customers from "data/customers.csv" {   # path relative to this file'));
  assert.ok(increase.test('table t from "a{b" {'), 'a brace inside the title does not count, the last one does');
  assert.ok(!increase.test('stakeholder customers "Customers" { weight 30% }'), 'a block closed on its line');
  assert.ok(!increase.test('  thresholds { green 1.5%  amber 2.0% } # worse than amber = red'));
  assert.ok(!increase.test('# a comment with a { brace'));
  assert.ok(!increase.test('  owner "a { in a string"'));
  assert.ok(decrease.test('}'));
  assert.ok(decrease.test('  }'));
  assert.ok(!decrease.test('  target 1.5% }'));
});

test('a word is a name or a whole number with its suffix and mark', () => {
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepStrictEqual('cost 450k USD once + 1_250.50 USD'.match(word), ['cost', '450k', 'USD', 'once', '1_250.50', 'USD']);
  assert.deepStrictEqual('effect churn -0.25pp'.match(word), ['effect', 'churn', '0.25pp']);
  assert.deepStrictEqual('share(customers.churned)'.match(word), ['share', 'customers', 'churned']);
});

test('comments, brackets and auto-closing pairs', () => {
  assert.strictEqual(config.comments.lineComment, '#');
  assert.deepStrictEqual(config.brackets, [['{', '}'], ['(', ')']]);
  const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
  assert.deepStrictEqual(pairs, ['{}', '()', '""']);
});
