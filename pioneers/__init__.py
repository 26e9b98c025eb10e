"""Pioneers: the platform of a pioneer network for open government."""
