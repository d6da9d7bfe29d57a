#!/usr/bin/env python3
"""End-to-end session test of `cxv lsp`: starts the real binary, speaks LSP
3.17 to it over stdin/stdout (Content-Length framed JSON-RPC), and asserts the
responses. Python 3 standard library only.

    python3 tests/lsp/session_test.py --cxv build/cli/cxv

Exits 0 when every check passed, 1 otherwise (each failure is printed).
"""

import argparse
import glob
import json
import os
import tempfile
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # seconds for any one answer; a hang fails the test instead of CI


def uri_of(path):
    return Path(path).resolve().as_uri()


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def position_of(text, offset):
    """The LSP position (UTF-16 units) of a Python string index."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": utf16_len(text[start:offset])}


def uses(text, word):
    """How often `word` is written as a whole word outside comments and strings."""
    count = 0
    for line in text.splitlines():
        code = re.sub(r'"(\\.|[^"\\])*"', '""', line).split("#")[0]
        count += len(re.findall(r"\b%s\b" % re.escape(word), code))
    return count


class Server:
    def __init__(self, cxv):
        self.proc = subprocess.Popen([cxv, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        self.diagnostics = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send_raw(self, body: bytes):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(json.dumps(message).encode("utf-8"))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def next_message(self):
        try:
            message = self.messages.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("no message from the server within %d s" % TIMEOUT)
        if message is None:
            raise AssertionError("the server closed its output")
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]
        return message

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.response(rid)

    def response(self, rid):
        while True:
            message = self.next_message()
            if message.get("id") == rid and "method" not in message:
                return message

    def wait_diagnostics(self, uri, version=None):
        """The diagnostics published for `uri` (for `version`, when given)."""
        while True:
            params = self.diagnostics.get(uri)
            if params is not None and (version is None or params.get("version") == version):
                del self.diagnostics[uri]
                return params["diagnostics"]
            self.next_message()


class Checks:
    def __init__(self):
        self.failures = 0
        self.passed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failures += 1
            print("FAIL: %s%s" % (what, ("\n  " + str(detail)[:2000]) if detail else ""))


def at(uri, position, **extra):
    params = {"textDocument": {"uri": uri}, "position": position}
    params.update(extra)
    return params


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cxv", required=True)
    args = parser.parse_args()
    c = Checks()

    s = Server(args.cxv)
    init = s.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(REPO),
                                    "capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
    caps = init["result"]["capabilities"]
    c.check(caps["textDocumentSync"]["change"] == 2, "incremental sync", caps)
    c.check(caps.get("positionEncoding") == "utf-16", "UTF-16 positions", caps)
    for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                     "completionProvider", "renameProvider"]:
        c.check(provider in caps, "advertises " + provider, caps)
    s.notify("initialized", {})

    # Every example opens without an error diagnostic.
    examples = sorted(glob.glob(str(REPO / "examples" / "**" / "*.cxv"), recursive=True))
    c.check(len(examples) > 0, "examples found")
    for path in examples:
        uri = uri_of(path)
        s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "cxv", "version": 1,
                                                           "text": Path(path).read_text(encoding="utf-8")}})
        diags = s.wait_diagnostics(uri, 1)
        errors = [d for d in diags if d["severity"] == 1]
        c.check(not errors, "no error diagnostics in " + os.path.relpath(path, REPO), errors)

    # The flagship example, under another name beside it, with a typo.
    flagship = REPO / "examples" / "telecom" / "telecom.cxv"
    text = flagship.read_text(encoding="utf-8")
    uri = uri_of(flagship.parent / "session_typo.cxv")
    measure = "measure share(customers where churned)"
    typo_at = text.index(measure) + len("measure share(customers where ")
    typo_text = text[:typo_at] + "churnd" + text[typo_at + len("churned"):]
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "cxv", "version": 1,
                                                       "text": typo_text}})
    diags = s.wait_diagnostics(uri, 1)
    typo = [d for d in diags if d["code"] == "E031"]
    c.check(len(typo) == 1, "one E031 for the typo", diags)
    if typo:
        d = typo[0]
        want = {"start": position_of(typo_text, typo_at), "end": position_of(typo_text, typo_at + len("churnd"))}
        c.check(d["range"] == want, "the typo's range", (d["range"], want))
        c.check("did you mean 'churned'?" in d["message"], "did-you-mean in the message", d["message"])
        c.check(d["severity"] == 1 and d["source"] == "cxv", "severity and source", d)

    # didChange: fix the typo with an incremental edit; the error goes away.
    start = position_of(typo_text, typo_at)
    end = position_of(typo_text, typo_at + len("churnd"))
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"range": {"start": start, "end": end}, "text": "churned"}]})
    diags = s.wait_diagnostics(uri, 2)
    c.check(not [d for d in diags if d["severity"] == 1], "no errors after the fix", diags)

    # A non-ASCII edit before a mistake on the same line: the range counts UTF-16 units.
    title = 'kpi churn "Monthly churn rate"'
    title_at = text.index(title)
    new_title = 'kpi churn "Taux de résiliation 📉"'
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{
        "range": {"start": position_of(text, title_at), "end": position_of(text, title_at + len(title))},
        "text": new_title + " { perspective custmer }\nkpi churn2"}]})
    edited = text[:title_at] + new_title + " { perspective custmer }\nkpi churn2" + text[title_at + len(title):]
    diags = s.wait_diagnostics(uri, 3)
    wrong = edited.index("custmer")
    located = [d for d in diags if d["range"]["start"] == position_of(edited, wrong)]
    c.check(len(located) >= 1, "a diagnostic at 'custmer' after non-ASCII text", diags)
    # Back to the example's own text (a full-text change).
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": text}]})
    diags = s.wait_diagnostics(uri, 4)
    c.check(not [d for d in diags if d["severity"] == 1], "no errors after a full-text change", diags)

    # Hover: a KPI with its title, measure, target and baseline on the data.
    effect = text.index("effect churn -0.1pp") + len("effect ")
    hover = s.request("textDocument/hover", at(uri, position_of(text, effect + 1)))["result"]
    value = hover["contents"]["value"] if hover else ""
    c.check("Monthly churn rate" in value, "hover: the KPI's title", value)
    c.check("share(customers where churned)" in value, "hover: the measure as written", value)
    c.check("target: `1.5%`" in value, "hover: the target", value)
    c.check("baseline: " in value and "not available" not in value, "hover: the baseline on the data", value)

    # Definition: the experiment named as evidence.
    evidence = text.index("evidence experiment onboarding_pilot") + len("evidence experiment ")
    definition = s.request("textDocument/definition", at(uri, position_of(text, evidence + 2)))["result"]
    declared = text.index("\nexperiment onboarding_pilot") + len("\nexperiment ")
    c.check(definition and definition["uri"] == uri and definition["range"]["start"] == position_of(text, declared),
            "definition of onboarding_pilot", definition)
    # Definition of an import: the imported file (std/ modules are embedded: no file).
    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / "lib.cxv"
        lib.write_text("# shared helpers\nfunction doubled(x) = x * 2\n", encoding="utf-8")
        main_path = Path(tmp) / "main.cxv"
        main_text = text.replace('import "std/clv"', 'import "lib.cxv"', 1).replace(
            "measure mean(customers.monthly_revenue)", "measure doubled(mean(customers.monthly_revenue))", 1)
        main_uri = uri_of(main_path)
        s.notify("textDocument/didOpen", {"textDocument": {"uri": main_uri, "languageId": "cxv", "version": 1,
                                                           "text": main_text}})
        diags = s.wait_diagnostics(main_uri, 1)
        c.check(not [d for d in diags if d["severity"] == 1], "a relative import resolves", diags)
        call = main_text.index("doubled(mean")
        found = s.request("textDocument/definition", at(main_uri, position_of(main_text, call + 2)))["result"]
        c.check(found and found["uri"] == uri_of(lib) and found["range"]["start"] == {"line": 1, "character": 9},
                "definition of a function declared in an imported file", found)
        imp = main_text.index('"lib.cxv"') + 2
        found = s.request("textDocument/definition", at(main_uri, position_of(main_text, imp)))["result"]
        c.check(found and found["uri"] == uri_of(lib), "definition of an import is the imported file", found)
        s.notify("textDocument/didClose", {"textDocument": {"uri": main_uri}})
    # References: crm_upgrade is required by proactive_alerts.
    crm = text.index("initiative crm_upgrade") + len("initiative ")
    refs = s.request("textDocument/references", at(uri, position_of(text, crm), context={"includeDeclaration": True}))["result"]
    starts = [r["range"]["start"] for r in refs]
    c.check(position_of(text, crm) in starts, "references include the declaration", refs)
    c.check(position_of(text, text.index("requires crm_upgrade") + len("requires ")) in starts,
            "references include `requires crm_upgrade`", refs)
    c.check(len(refs) == uses(text, "crm_upgrade"), "every crm_upgrade is found", (len(refs), uses(text, "crm_upgrade")))

    # Completion: a table's columns after `customers.`.
    member = text.index("mean(customers.monthly_revenue)") + len("mean(customers.")
    items = s.request("textDocument/completion", at(uri, position_of(text, member)))["result"]
    labels = [i["label"] for i in items]
    c.check({"churned", "tenure", "nps", "monthly_revenue"} <= set(labels), "completion: the table's columns", labels)

    # Document symbols: every KPI of the example is in the outline.
    symbols = s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
    names = [x["name"] for x in symbols]
    for kpi in ["churn", "nps", "arpu", "calls_per_customer"]:
        c.check(kpi in names, "outline has KPI " + kpi, names)

    # Rename: arpu everywhere in the document.
    arpu = text.index("kpi arpu") + len("kpi ")
    prepared = s.request("textDocument/prepareRename", at(uri, position_of(text, arpu)))["result"]
    c.check(prepared and prepared["placeholder"] == "arpu", "prepareRename on arpu", prepared)
    edit = s.request("textDocument/rename", at(uri, position_of(text, arpu), newName="revenue_per_user"))["result"]
    edits = edit["changes"][uri] if edit else []
    c.check(len(edits) == uses(text, "arpu"), "rename edits every use of arpu", (len(edits), uses(text, "arpu")))
    refused = s.request("textDocument/rename", at(uri, position_of(text, arpu), newName="measure"))
    c.check("error" in refused and "reserved word" in refused["error"]["message"], "rename to a keyword is refused",
            refused)

    # Formatting, when the server offers it.
    if caps.get("documentFormattingProvider"):
        formatted = s.request("textDocument/formatting",
                              {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
        c.check("result" in formatted and isinstance(formatted["result"], list), "formatting returns edits", formatted)

    # Errors: an unknown method, a malformed message; the session survives both.
    unknown = s.request("textDocument/teleport", {})
    c.check(unknown.get("error", {}).get("code") == -32601, "MethodNotFound", unknown)
    s.send_raw(b"{this is not json")
    bad = s.next_message()
    c.check(bad.get("error", {}).get("code") == -32700 and bad.get("id") is None, "ParseError", bad)

    # Shutdown and exit: exit code 0.
    c.check(s.request("shutdown", None).get("result", "missing") is None, "shutdown answers null")
    s.notify("exit", None)
    try:
        code = s.proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        s.proc.kill()
        code = "hung"
    c.check(code == 0, "exit code 0 after shutdown", code)

    # Exit without shutdown: 1. End of input without exit: the server ends too (1).
    s2 = Server(args.cxv)
    s2.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    s2.notify("exit", None)
    c.check(s2.proc.wait(timeout=TIMEOUT) == 1, "exit code 1 without shutdown")
    s3 = Server(args.cxv)
    s3.proc.stdin.close()
    c.check(s3.proc.wait(timeout=TIMEOUT) == 1, "end of input ends the server")

    print("lsp session: %d checks passed, %d failed" % (c.passed, c.failures))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
