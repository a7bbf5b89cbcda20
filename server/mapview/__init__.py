"""The map page without HTTP: the view, the Folium map and its elements, page data, links."""
