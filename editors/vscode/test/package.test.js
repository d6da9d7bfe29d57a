// What `npm run package` puts into the .vsix: everything VS Code loads, the
// runtime dependencies that extension.js requires, and no tests or dev tools.
// `vsce ls` lists the files without writing the archive and needs no network.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

let listed;
function packagedFiles() {
  if (!listed) {
    const out = execFileSync(process.execPath, [vsce, 'ls'], { cwd: root, encoding: 'utf8' });
    listed = out.split('\n').map((l) => l.trim()).filter(Boolean);
  }
  return listed;
}

test('the package holds the extension, its grammar, snippets and runtime dependencies only', () => {
  const files = packagedFiles();
  for (const needed of ['package.json', 'extension.js', 'folding.js', 'language-configuration.json',
    'syntaxes/cxv.tmLanguage.json', 'snippets/cxv.json', 'README.md',
    'node_modules/vscode-languageclient/node.js']) {
    assert.ok(files.includes(needed), `${needed} is packaged`);
  }
  assert.deepStrictEqual(files.filter((f) => f.startsWith('test/')), [], 'no test file is packaged');
  const devTools = files.filter((f) => /^node_modules\/(@vscode\/vsce|vscode-tmgrammar-test|vscode-textmate)\//.test(f));
  assert.deepStrictEqual(devTools, [], 'no development dependency is packaged');
});

test('every file package.json points at is packaged', () => {
  const manifest = require('../package.json');
  const files = packagedFiles();
  const referenced = [manifest.main,
    ...manifest.contributes.languages.map((l) => l.configuration),
    ...manifest.contributes.grammars.map((g) => g.path),
    ...manifest.contributes.snippets.map((s) => s.path)];
  for (const ref of referenced) assert.ok(files.includes(path.posix.normalize(ref)), `${ref} is packaged`);
});
