"""Qatynas: relations between countries from Kazakh news."""

__version__ = "0.1.0"
