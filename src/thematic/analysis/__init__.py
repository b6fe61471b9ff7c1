"""Analysis on top of the Study API: figures (matplotlib) and the results report.

The queries themselves are Study methods (they need the acting user's role and blind-coding
rules and run set-based SQL); this package turns their DataFrames into figures and reports.
"""
