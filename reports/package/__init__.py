"""The handover package (交接档案包, SPEC 10): one zip of a handover's documents, with its index, and its check."""
