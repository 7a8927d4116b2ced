"""Excel output: the shared streaming writer and the exporters built on it."""
