package vn.citytwin.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads a {@code .sql} file from the classpath: each capability keeps its queries as resources, read once. */
public final class SqlResource {
  private SqlResource() {}

  /** @param path classpath path, e.g. {@code sql/catalog/columns.sql}; a missing file is a programming error */
  public static String load(String path) {
    try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("SQL resource not found: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
