"""Reply documents (remissvar) as text: PDF, DOCX and plain text, cleaned, with page numbers.

The one entry point is :func:`documents.read.read_document`; it is the call a capped
child process wraps (``loaders.guard.run_capped``) so a hostile file cannot take the
server down.
"""
