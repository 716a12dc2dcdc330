"""The `lrm` command line, an interface beside `api/`: typer commands over the use cases."""
