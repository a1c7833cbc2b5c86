"""anonymise layer."""
