"""The coding assistant: read a reply document and suggest one stance per proposal it addresses.

Pure Python, rule-based and offline. Every suggestion carries the evidence
sentence as written, its page and character span, so the analyst can check it.
"""
