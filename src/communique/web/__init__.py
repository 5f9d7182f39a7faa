"""Server-rendered web pages: Jinja2 templates, static CSS/JS and the helpers the
templates use (marked-up article text, SVG charts). Routes live in ``communique.web.routes``."""
