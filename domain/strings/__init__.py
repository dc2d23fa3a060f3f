"""Strings of each feature, one module per feature, merged by domain/i18n.py."""
