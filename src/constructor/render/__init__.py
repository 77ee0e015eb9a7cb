"""Printable documents from the compacted plan: HTML, PDF, DOCX, XLSX and Markdown."""
