package vn.citytwin.filter;

import java.util.List;

/** The building layer used across tests; SQL expressions are quoted columns of alias {@code t}, without digits. */
final class TestFields {
  static final List<FieldRef> FIELDS = List.of(
      new FieldRef("id", "t.\"id\"", FieldType.INTEGER),
      new FieldRef("name", "t.\"name\"", FieldType.STRING),
      new FieldRef("height", "t.\"height\"", FieldType.NUMBER),
      new FieldRef("levels", "t.\"levels\"", FieldType.INTEGER),
      new FieldRef("use_type", "t.\"use_type\"", FieldType.STRING),
      new FieldRef("built", "t.\"built\"", FieldType.DATE),
      new FieldRef("updated", "t.\"updated\"", FieldType.TIMESTAMP),
      new FieldRef("is_public", "t.\"is_public\"", FieldType.BOOLEAN),
      new FieldRef("geom", "t.\"geom\"", FieldType.GEOMETRY));

  static final FieldResolver BUILDINGS = FieldResolver.of("buildings", FIELDS);

  private TestFields() {}
}
