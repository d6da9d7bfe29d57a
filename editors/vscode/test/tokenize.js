// Tokenizes cxv text with the extension's grammar, through the same engine as
// VS Code (vscode-textmate + vscode-oniguruma), for the node tests.
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.resolve(__dirname, '..', 'syntaxes', 'cxv.tmLanguage.json');
let grammarPromise;

function loadGrammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
    });
    grammarPromise = registry.loadGrammar('source.cxv');
  }
  return grammarPromise;
}

/** @returns {Promise<{line: number, text: string, scopes: string[]}[]>} every token, 1-based lines */
async function tokenize(text) {
  const grammar = await loadGrammar();
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) {
      tokens.push({ line: index + 1, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

module.exports = { tokenize };
