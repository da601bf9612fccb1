"""The casework forms, one module per feature beside its views (`*_views.py`)."""
