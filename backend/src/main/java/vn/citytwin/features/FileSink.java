package vn.citytwin.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Encoded features into a writer (UTF-8 file of an export), chunk by chunk; the caller closes the writer. */
public final class FileSink implements TextSink {
  private final Writer out;

  public FileSink(Writer out) {
    this.out = out;
  }

  @Override
  public void write(StringBuilder text) {
    try {
      out.append(text);
      text.setLength(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(StringBuilder text) {
    write(text);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
