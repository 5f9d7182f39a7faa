"""Server-rendered web pages: Jinja2 templates, static CSS/JS and the helpers the
templates use (marked-up article text, SVG charts and map, the interface's language,
download links). Routes live in ``communique.web.routes``."""
