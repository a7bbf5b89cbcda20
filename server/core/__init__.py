"""The atlas without HTTP: dates, the data contract, key dates, the store, formats, exports."""
