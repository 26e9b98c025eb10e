"""The demo network of the embedded profile: content in TOML files, loaded by `pioneers demo`."""
