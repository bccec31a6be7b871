"""Extraction: countries, entities, dates, events, quotes."""
