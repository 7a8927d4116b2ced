"""Records, rules and storage of HandoverDesk. Never imports Qt."""
