// Renders a .cxv file as HTML coloured the way VS Code colours it: the
// extension's grammar through vscode-textmate (test/tokenize.js), each token's
// scopes matched against a Dark+-like theme, most specific rule first. Used
// to make the screenshots in docs/editors.md headless (scripts/screenshots.sh)
// and tested by test/highlight-html.test.js.
//
//   node scripts/highlight-html.js FILE [--lines N] > out.html
'use strict';
const fs = require('fs');
const path = require('path');
const { tokenize } = require('../test/tokenize');

// Scope prefixes and their colours (VS Code's Dark+ palette). The longest
// matching prefix of the innermost scope that has one wins.
const THEME = [
  ['comment', '#6a9955'],
  ['punctuation.definition.comment', '#6a9955'],
  ['string', '#ce9178'],
  ['constant.character.escape', '#d7ba7d'],
  ['constant.numeric', '#b5cea8'],
  ['constant.language', '#569cd6'],
  ['keyword.declaration', '#569cd6'],
  ['keyword.other.clause', '#c586c0'],
  ['keyword.other.unit', '#4ec9b0'],
  ['keyword.operator.word', '#c586c0'],
  ['keyword.operator', '#d4d4d4'],
  ['support.type', '#4ec9b0'],
  ['support.function', '#dcdcaa'],
  ['entity.name.function', '#dcdcaa'],
  ['entity.name.type', '#4ec9b0'],
  ['variable.language', '#569cd6'],
  ['variable.parameter', '#9cdcfe'],
  ['variable.other.property', '#9cdcfe'],
  ['variable', '#9cdcfe'],
  ['invalid', '#f44747'],
  ['punctuation', '#d4d4d4'],
];
const FOREGROUND = '#d4d4d4';
const BACKGROUND = '#1e1e1e';

function colourOf(scopes) {
  for (let i = scopes.length - 1; i >= 0; i--) {
    let best = null;
    for (const [prefix, colour] of THEME) {
      const s = scopes[i];
      if ((s === prefix || s.startsWith(prefix + '.')) && (!best || prefix.length > best[0].length)) best = [prefix, colour];
    }
    if (best) return best[1];
  }
  return FOREGROUND;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function toHtml(text, title) {
  const tokens = await tokenize(text);
  const lines = [];
  for (const t of tokens) {
    while (lines.length < t.line) lines.push('');
    const colour = colourOf(t.scopes);
    const html = escapeHtml(t.text);
    lines[t.line - 1] += colour === FOREGROUND ? html : `<span style="color:${colour}">${html}</span>`;
  }
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{margin:0;background:${BACKGROUND}}pre{margin:0;padding:16px 20px;color:${FOREGROUND};font:14px/1.45 "DejaVu Sans Mono",monospace}</style>
</head><body><pre>${lines.join('\n')}</pre></body></html>
`;
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const at = args.indexOf('--lines');
  const limit = at >= 0 ? Number(args[at + 1]) : Infinity;
  if (!file) {
    process.stderr.write('usage: node scripts/highlight-html.js FILE [--lines N]\n');
    process.exit(2);
  }
  const text = fs.readFileSync(file, 'utf8').split('\n').slice(0, limit).join('\n');
  process.stdout.write(await toHtml(text, path.basename(file)));
}

if (require.main === module) main().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1); });

module.exports = { toHtml, colourOf, THEME };
