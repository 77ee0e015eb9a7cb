// Starts `constructor lsp` (stdio) for .comp files.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("constructor").get("command");
  client = new LanguageClient(
    "constructor",
    "Competency constructor",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "comp" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
