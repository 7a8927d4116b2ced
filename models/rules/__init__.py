"""Pure rules: no database, no clock ("now" is passed in), no Qt."""
