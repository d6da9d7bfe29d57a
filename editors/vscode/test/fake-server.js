#!/usr/bin/env node
// A stand-in for `cxv lsp`: answers `initialize` and `shutdown` over stdio
// (LSP base protocol: Content-Length headers, JSON-RPC bodies) and appends
// every message it receives, and its command-line arguments, to the file
// named by CXV_FAKE_LSP_LOG.
'use strict';
const fs = require('fs');
const log = (entry) => fs.appendFileSync(process.env.CXV_FAKE_LSP_LOG, JSON.stringify(entry) + '\n');
log({ argv: process.argv.slice(2) });

let buffer = Buffer.alloc(0);
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.slice(headerEnd + 4 + length);
    log({ method: message.method, params: message.params });
    if (message.method === 'initialize') {
      send({ id: message.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake cxv' } } });
    } else if (message.method === 'shutdown') {
      send({ id: message.id, result: null });
    } else if (message.method === 'exit') {
      process.exit(0);
    }
  }
});
