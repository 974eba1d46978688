"""The project's own pages: the home page, the system status page and the component gallery."""
