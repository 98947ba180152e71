"""Entities: people, organisations, places, sums of money and dates found in items."""
