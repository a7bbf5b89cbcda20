"""Flask only: blueprints, error handlers, caching, security headers, the production server."""
