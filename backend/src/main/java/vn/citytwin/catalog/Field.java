package vn.citytwin.catalog;

/**
 * One attribute column of a layer.
 *
 * @param name the column name, exactly as in the database (used as the property name in every protocol)
 * @param pgType the PostgreSQL type ({@code format_type})
 * @param type the protocol-neutral type
 * @param nullable whether the column accepts null
 */
public record Field(String name, String pgType, FieldType type, boolean nullable) {}
