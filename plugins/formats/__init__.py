"""Built-in output formats, registered through `sourcescore_register_output_formats`."""
