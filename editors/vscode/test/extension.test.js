// extension.js under plain node, with a stand-in `vscode` module: it registers
// folding, starts the configured server as `<cxv.path> lsp` over stdio through
// vscode-languageclient, and stops it on deactivate; a missing executable gives
// one warning and no crash.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

// Route require('vscode') to the stand-in.
const fakePath = path.join(__dirname, 'fake-vscode.js');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fakePath : originalResolve.call(this, request, ...rest);
};
const vscode = require('vscode');
const extension = require('../extension');

const context = () => ({ subscriptions: [] });
const messages = (logFile) => fs.readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

test('the server is started as `<cxv.path> lsp` and spoken to over stdio', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxv-ext-'));
  const logFile = path.join(dir, 'lsp.log');
  process.env.CXV_FAKE_LSP_LOG = logFile;
  vscode.__settings.set('cxv.path', path.join(__dirname, 'fake-server.js'));
  vscode.__recorded.warnings.length = 0;

  await extension.activate(context());
  assert.deepStrictEqual(vscode.__recorded.warnings, []);
  assert.strictEqual(vscode.__recorded.folding.length, 1, 'a folding provider is registered');
  assert.deepStrictEqual(vscode.__recorded.folding[0].selector, { language: 'cxv' });
  assert.ok(vscode.__recorded.commands.includes('cxv.restartServer'));

  await extension.deactivate();
  const log = messages(logFile);
  assert.deepStrictEqual(log[0], { argv: ['lsp'] });
  const methods = log.slice(1).map((m) => m.method);
  assert.deepStrictEqual(methods.slice(0, 2), ['initialize', 'initialized']);
  assert.ok(methods.includes('shutdown'), `shutdown was sent (got ${methods.join(', ')})`);
  const init = log[1].params;
  assert.strictEqual(init.clientInfo.name, 'fake');
  assert.ok(init.capabilities.textDocument.publishDiagnostics, 'the client asks for diagnostics');
});

test('the folding provider folds a declaration block', async () => {
  const provider = vscode.__recorded.folding[0].provider;
  const ranges = provider.provideFoldingRanges({ getText: () => 'kpi churn {\n  better lower\n  target 1.5%\n}\n' });
  assert.deepStrictEqual(ranges.map((r) => [r.start, r.end, r.kind]), [[0, 2, vscode.FoldingRangeKind.Region]]);
});

test('a cxv.path that does not exist gives one warning, and activation still succeeds', async () => {
  vscode.__settings.set('cxv.path', path.join(os.tmpdir(), 'no-such-cxv-executable'));
  vscode.__recorded.warnings.length = 0;
  await extension.activate(context());
  assert.strictEqual(vscode.__recorded.warnings.filter((w) => w.startsWith('cxv:')).length, 1);
  assert.match(vscode.__recorded.warnings.find((w) => w.startsWith('cxv:')), /cxv\.path/);
  await extension.deactivate();
});

test('a relative cxv.path with a folder part is taken from the first workspace folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxv-ws-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.symlinkSync(path.join(__dirname, 'fake-server.js'), path.join(dir, 'bin', 'cxv'));
  const logFile = path.join(dir, 'lsp.log');
  process.env.CXV_FAKE_LSP_LOG = logFile;
  const folderUri = { fsPath: dir, scheme: 'file', path: dir, toString: () => `file://${dir}` };
  vscode.workspace.workspaceFolders = [{ uri: folderUri, name: 'ws', index: 0 }];
  vscode.__settings.set('cxv.path', 'bin/cxv');
  vscode.__recorded.warnings.length = 0;
  try {
    await extension.activate(context());
    await extension.deactivate();
  } finally {
    vscode.workspace.workspaceFolders = undefined;
  }
  assert.deepStrictEqual(vscode.__recorded.warnings, []);
  assert.deepStrictEqual(messages(logFile)[0], { argv: ['lsp'] });
});
