"""Hostile inputs, plugins and clients: each case broke an earlier version."""
