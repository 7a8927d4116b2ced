"""The reads behind the printed forms and workbooks: reports/ turns these rows into PDF and Excel and
queries nothing itself."""
