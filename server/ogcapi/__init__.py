"""OGC API – Features without HTTP: query parameters, documents, items, the OpenAPI definition."""
