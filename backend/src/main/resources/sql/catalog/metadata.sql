SELECT layer_id, title_vi, title_en, abstract_vi, abstract_en, attribution, default_style, min_zoom, max_zoom,
       is_public, queryable, tile_fields, time_column, height_column, layer_group, editable, synthetic, sort_order,
       data_version
FROM citytwin.catalog
