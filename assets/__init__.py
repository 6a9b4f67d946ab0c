"""Parley's package data: prompts, built-in scenario packs and icons.

This folder is installed as the package ``app.assets`` (see ``package-dir`` in
pyproject.toml) and read through ``app.resources``; it holds no code.
"""
