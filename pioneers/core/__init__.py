"""Core: accounts, site settings, base layout, design-system glue, health and security."""
