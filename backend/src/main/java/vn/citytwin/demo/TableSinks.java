package vn.citytwin.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ready-made {@link TableSink}s for inspection and tests. */
public final class TableSinks {
  private TableSinks() {}

  /** Writes each table to {@code dir/<schema>.<table>.tsv} (COPY text format), creating the directory. */
  public static TableSink directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    return (table, body) -> {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(table.qualifiedName() + ".tsv")),
          1 << 16)) {
        body.writeTo(out);
      }
    };
  }

  /** Collects the SHA-256 (hex) of every table's COPY text into {@code into}, in table order. */
  public static TableSink digests(Map<DemoTable, String> into) {
    return (table, body) -> {
      MessageDigest md = sha256();
      try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
        body.writeTo(out);
      }
      into.put(table, HexFormat.of().formatHex(md.digest()));
    };
  }

  /** A digest map in table order. */
  public static Map<DemoTable, String> newDigestMap() {
    return new LinkedHashMap<>();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
