// Folding ranges for .cxv text, without the language server.
//
// VS Code folds by indentation unless a provider says otherwise; cxv blocks are
// delimited by braces, so a declaration whose body is badly indented (half-typed,
// pasted) would fold wrongly. This scanner pairs `{` with `}` while skipping
// strings and comments, and also folds runs of whole-line comments. It has no
// dependency on the vscode module so that it can be tested with plain node.

'use strict';

/**
 * @param {string} text the whole document
 * @returns {{start: number, end: number, kind: 'region' | 'comment'}[]} 0-based
 *   lines; `end` is the last folded line (the line before a closing brace, so
 *   that the `}` stays visible), ordered by start line.
 */
function foldingRanges(text) {
  const lines = text.split(/\r\n|\r|\n/);
  const ranges = [];
  const open = [];          // line numbers of the `{` not yet closed
  let commentRun = -1;      // first line of the current run of comment-only lines

  const closeCommentRun = (lineBefore) => {
    if (commentRun >= 0 && lineBefore > commentRun) {
      ranges.push({ start: commentRun, end: lineBefore, kind: 'comment' });
    }
    commentRun = -1;
  };

  lines.forEach((line, number) => {
    if (/^\s*#/.test(line)) {
      if (commentRun < 0) commentRun = number;
      return;
    }
    closeCommentRun(number - 1);
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inString) {
        if (c === '\\') i++;            // skip the escaped character
        else if (c === '"') inString = false;
      } else if (c === '"') {
        inString = true;
      } else if (c === '#') {
        break;                          // the rest of the line is a comment
      } else if (c === '{') {
        open.push(number);
      } else if (c === '}' && open.length > 0) {
        const start = open.pop();
        if (number - 1 > start) ranges.push({ start, end: number - 1, kind: 'region' });
      }
    }
    // A string never spans lines: an unterminated one ends here.
  });
  closeCommentRun(lines.length - 1);
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

module.exports = { foldingRanges };
