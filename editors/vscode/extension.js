// The cxv extension: highlighting and snippets are declarative (package.json);
// this entry adds brace folding and starts the language server `cxv lsp`,
// which brings diagnostics, hover, go-to-definition, completion and formatting.
//
// The server is the `cxv` executable itself (setting `cxv.path`), spoken to over
// stdio. If it cannot be started the extension says so once and the editor keeps
// highlighting, folding and snippets.

'use strict';
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { foldingRanges } = require('./folding');

const CLIENT_ID = 'cxv';   // the client reads its trace level from `cxv.trace.server`
let client;
let output;

function activate(context) {
  output = vscode.window.createOutputChannel('cxv');
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.languages.registerFoldingRangeProvider({ language: 'cxv' }, {
      provideFoldingRanges(document) {
        return foldingRanges(document.getText()).map((r) => new vscode.FoldingRange(
          r.start, r.end,
          r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : vscode.FoldingRangeKind.Region));
      },
    }));

  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('cxv.path')) {
      await stopServer();
      await startServer();
    }
  }));

  context.subscriptions.push(vscode.commands.registerCommand('cxv.restartServer', async () => {
    await stopServer();
    await startServer();
  }));

  return startServer();
}

// `cxv.path` as configured; a relative path with a directory part is taken
// relative to the first workspace folder, a bare name is looked up on PATH.
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('cxv').get('path', 'cxv') || 'cxv';
  const folders = vscode.workspace.workspaceFolders;
  if (!path.isAbsolute(configured) && configured.includes('/') && folders && folders.length > 0) {
    return path.join(folders[0].uri.fsPath, configured);
  }
  return configured;
}

async function startServer() {
  const command = serverCommand();
  // No `transport` on purpose: the client then talks over the process's stdio
  // and runs exactly `cxv lsp` (TransportKind.stdio would append `--stdio`).
  const executable = { command, args: ['lsp'] };
  const serverOptions = { run: executable, debug: executable };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'cxv' },
      { scheme: 'untitled', language: 'cxv' },
    ],
    // Data files change KPI baselines shown on hover: tell the server.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{cxv,csv}') },
    outputChannel: output,
  };
  client = new LanguageClient(CLIENT_ID, 'cxv language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    output.appendLine(`cxv: could not start "${command} lsp": ${error && error.message ? error.message : error}`);
    const choice = await vscode.window.showWarningMessage(
      `cxv: the language server "${command} lsp" could not be started, so there are no diagnostics ` +
      'in the editor. Highlighting still works. Set "cxv.path" to the cxv executable.',
      'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'cxv.path');
    }
  }
}

async function stopServer() {
  if (!client) return;
  const running = client;
  client = undefined;
  try {
    await running.stop();
  } catch (error) {
    output.appendLine(`cxv: stopping the language server: ${error && error.message ? error.message : error}`);
  }
}

function deactivate() {
  return stopServer();
}

module.exports = { activate, deactivate };
