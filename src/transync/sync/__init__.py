"""Write commands' shared machinery: anything that changes files on disk lives here."""
