"""Bulk import of units, villages, firms, stations and people from CSV or XLSX files."""
