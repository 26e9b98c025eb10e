"""Publications: the Wagtail pages of the site (home, content pages; later reports, magazine, practices)."""
