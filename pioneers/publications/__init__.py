"""Publications: the Wagtail pages (home and content pages; later reports, magazine, practices)."""
