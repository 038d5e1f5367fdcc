"""The language server (`sourcescore lsp`): `server` speaks the protocol, `sessions` keeps the
configuration and the checking worker, `convert` turns a report into what the editor shows."""
