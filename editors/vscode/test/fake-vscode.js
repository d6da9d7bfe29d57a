// A stand-in for the `vscode` module, just enough for extension.js and
// vscode-languageclient to run under plain node: the parts they read are real
// values (configuration, documents, output channel, messages), and every other
// API is a permissive stub that accepts any call and returns a disposable.
'use strict';

function stub() {
  const target = function () {};
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'then' || typeof key === 'symbol') return undefined;   // not a promise, not iterable
      if (key === 'dispose') return () => {};
      return stub();
    },
    apply() { return stub(); },
    construct() { return stub(); },
  });
}

// Records what the extension did, for the test to assert on.
const recorded = { warnings: [], output: [], commands: [], folding: [], configListeners: [], providers: [] };
const settings = new Map();

class Disposable {
  constructor(fn) { this.fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((i) => i && i.dispose && i.dispose())); }
  dispose() { if (this.fn) this.fn(); this.fn = undefined; }
}

class EventEmitter {
  constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return new Disposable(() => {}); }; }
  fire(e) { this.listeners.forEach((l) => l(e)); }
  dispose() { this.listeners = []; }
}

class FoldingRange {
  constructor(start, end, kind) { Object.assign(this, { start, end, kind }); }
}

const event = () => new Disposable(() => {});

const real = {
  version: '1.90.0',
  Disposable,
  EventEmitter,
  FoldingRange,
  FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
  workspace: {
    workspaceFolders: undefined,
    textDocuments: [],
    notebookDocuments: [],
    getConfiguration(section) {
      return {
        get: (key, fallback) => {
          const full = section ? `${section}.${key}` : key;
          return settings.has(full) ? settings.get(full) : fallback;
        },
        has: (key) => settings.has(section ? `${section}.${key}` : key),
      };
    },
    onDidChangeConfiguration(listener) { recorded.configListeners.push(listener); return new Disposable(() => {}); },
    createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
    onDidOpenTextDocument: event,
    onDidCloseTextDocument: event,
    onDidChangeTextDocument: event,
    onDidSaveTextDocument: event,
    onWillSaveTextDocument: event,
    onDidChangeWorkspaceFolders: event,
  },
  window: {
    visibleTextEditors: [],
    activeTextEditor: undefined,
    tabGroups: { all: [], onDidChangeTabs: event, onDidChangeTabGroups: event },
    createOutputChannel: (name) => ({
      name,
      append: (t) => recorded.output.push(t),
      appendLine: (t) => recorded.output.push(t),
      replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
    }),
    showWarningMessage: async (message) => { recorded.warnings.push(message); return undefined; },
    showErrorMessage: async (message) => { recorded.warnings.push(message); return undefined; },
    showInformationMessage: async () => undefined,
    onDidChangeActiveTextEditor: event,
    onDidChangeVisibleTextEditors: event,
  },
  languages: {
    registerFoldingRangeProvider(selector, provider) {
      recorded.folding.push({ selector, provider });
      return new Disposable(() => {});
    },
    createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, forEach() {}, get() { return []; }, has() { return false; }, dispose() {} }),
  },
  commands: {
    registerCommand(id) { recorded.commands.push(id); return new Disposable(() => {}); },
    executeCommand: async () => undefined,
  },
  env: { appName: 'fake', appRoot: '', language: 'en', machineId: 'test', sessionId: 'test', uiKind: 1, remoteName: undefined },
};

// Providers the language client registers for the server's capabilities
// (registerHoverProvider, registerCompletionItemProvider, ...) are recorded by name.
const languages = real.languages;
real.languages = new Proxy(languages, {
  get(t, key) {
    if (key in t) return t[key];
    if (typeof key === 'string' && key.startsWith('register')) {
      return () => { recorded.providers.push(key); return new Disposable(() => {}); };
    }
    return stub();
  },
});

module.exports = new Proxy(real, {
  get(t, key) { return key in t ? t[key] : stub(); },
});
module.exports.__recorded = recorded;
module.exports.__settings = settings;
