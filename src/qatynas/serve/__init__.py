"""Serving: render documents for output (JSON Lines now; the HTTP API and web UI later)."""
