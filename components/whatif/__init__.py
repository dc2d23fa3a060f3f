"""The fee what-if page's components (pages/what_if.py): its settings and URL (state), cached
reads (data), controls, the outcome and what it shows (view, charts), the evidence behind the
response (evidence: the estimate and the back-tests) and saved scenarios (scenarios)."""
