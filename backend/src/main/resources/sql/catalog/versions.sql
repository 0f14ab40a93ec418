SELECT layer_id, data_version FROM citytwin.catalog
