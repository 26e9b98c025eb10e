"""The public read-only API under /api/v1/ (issue 17): OpenAPI document, docs page, datasets."""
