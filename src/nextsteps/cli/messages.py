"""Subcommands for messages: drafts, the mail account, the outbox and the worker."""
