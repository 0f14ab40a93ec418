package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the generated tables go: the database loader ({@link DemoSeeder}), files ({@link TableSinks#directory}) or
 * digests ({@link TableSinks#digests}). Tables arrive one at a time in {@link DemoTable} order; the sink hands
 * {@code body} a stream and the body writes every row to it in PostgreSQL COPY text format (UTF-8, columns as in
 * {@link DemoTable#columns()}).
 */
@FunctionalInterface
public interface TableSink {
  void table(DemoTable table, TableBody body) throws IOException;

  /** Writes one table's rows; returns the number of rows written. */
  @FunctionalInterface
  interface TableBody {
    long writeTo(OutputStream out) throws IOException;
  }
}
