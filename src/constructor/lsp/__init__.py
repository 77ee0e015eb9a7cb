"""The language server: editor support for .comp files."""
