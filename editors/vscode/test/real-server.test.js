// extension.js with the real language server: vscode-languageclient (the
// library VS Code runs) starts `$CXV_BIN lsp`, negotiates capabilities with it,
// and stops it with shutdown/exit. Skipped when CXV_BIN does not name an
// executable (scripts/test.d/30-editor.sh points it at build/cli/cxv).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const fakePath = path.join(__dirname, 'fake-vscode.js');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fakePath : originalResolve.call(this, request, ...rest);
};
const vscode = require('vscode');
const extension = require('../extension');

const cxv = process.env.CXV_BIN;
let executable = false;
try {
  fs.accessSync(cxv, fs.constants.X_OK);
  executable = true;
} catch (_) {
  executable = false;
}

test('the language client starts and stops the real `cxv lsp`', { skip: executable ? false : 'CXV_BIN is not set to the cxv executable' }, async () => {
  vscode.__settings.set('cxv.path', cxv);
  vscode.__recorded.warnings.length = 0;
  vscode.__recorded.output.length = 0;
  vscode.__recorded.providers.length = 0;
  await extension.activate({ subscriptions: [] });
  assert.deepStrictEqual(vscode.__recorded.warnings, [], 'no "could not start" warning');
  // The client registered a provider for each capability the server advertised.
  for (const provider of ['registerHoverProvider', 'registerDefinitionProvider', 'registerReferenceProvider',
    'registerCompletionItemProvider', 'registerDocumentSymbolProvider', 'registerRenameProvider',
    'registerDocumentFormattingEditProvider']) {
    assert.ok(vscode.__recorded.providers.includes(provider), `${provider} (got ${vscode.__recorded.providers.join(', ')})`);
  }
  await extension.deactivate();
  const problems = vscode.__recorded.output.filter((line) => /^cxv: |error/i.test(String(line)));
  assert.deepStrictEqual(problems, [], 'the client logged no error while starting or stopping the server');
});
