package vn.citytwin.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;

/**
 * Runs one GDAL program ({@code ogr2ogr}, {@code ogrinfo}, {@code gdalsrsinfo}) as a process: the arguments are a
 * list (never a shell string), the environment gets only what is given (the database password as
 * {@code PGPASSWORD}), standard output and errors are read on their own threads, {@code -progress} dots are reported
 * as percents, and the process is killed on timeout or {@link #cancel()}.
 */
public final class GdalProcess {
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(?=\\.)");

  /** What the program wrote and how it ended. */
  public record Result(int exitCode, String stdout, List<String> errors) {
    /** GDAL's "ERROR n: …" lines (without the prefix). */
    public List<String> gdalErrors() {
      return errors.stream().filter(l -> l.startsWith("ERROR")).map(l -> l.replaceFirst("^ERROR \\d+: ", ""))
          .toList();
    }

    public boolean ok() {
      return exitCode == 0 && gdalErrors().isEmpty();
    }
  }

  private final String bin;
  private final int timeoutSeconds;
  private volatile Process process;
  private volatile boolean cancelled;

  /** @param bin the folder of the GDAL programs, or empty for the PATH */
  public GdalProcess(String bin, int timeoutSeconds) {
    this.bin = bin == null ? "" : bin;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * Runs {@code program} with {@code args}; blocking.
   *
   * @param progress receives 0–100 while {@code -progress} output arrives, or null
   */
  public Result run(String program, List<String> args, Map<String, String> env, Path workDir, IntConsumer progress) {
    List<String> argv = new ArrayList<>();
    argv.add(bin.isEmpty() ? program : Path.of(bin, program).toString());
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    StringBuilder out = new StringBuilder();
    List<String> errors = new ArrayList<>();
    try {
      if (cancelled) {
        throw cancelledError();
      }
      Process p = pb.start();
      process = p;
      p.getOutputStream().close();
      Thread outReader = daemon(() -> readOut(p, out, progress));
      Thread errReader = daemon(() -> readLines(p, errors));
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw ApiException.invalidParameter("file", program + " took longer than " + timeoutSeconds + " s");
      }
      outReader.join();
      errReader.join();
      if (cancelled) {
        throw cancelledError();
      }
      synchronized (out) {
        return new Result(p.exitValue(), out.toString(), List.copyOf(errors));
      }
    } catch (IOException e) {
      throw ApiException.internal("Cannot run " + program + " (is GDAL installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw cancelledError();
    }
  }

  /** Kills the running program (and any later one). */
  public void cancel() {
    cancelled = true;
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "citytwin-gdal-io");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static ApiException cancelledError() {
    return ApiException.conflict("The import was cancelled").withCode("Cancelled");
  }

  private static void readOut(Process p, StringBuilder out, IntConsumer progress) {
    try (InputStreamReader r = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
      char[] buf = new char[4096];
      StringBuilder window = new StringBuilder();
      int n;
      while ((n = r.read(buf)) > 0) {
        synchronized (out) {
          out.append(buf, 0, n);
        }
        if (progress != null) {
          window.append(buf, 0, n);
          Matcher m = PERCENT.matcher(window);
          int last = -1;
          while (m.find()) {
            last = Integer.parseInt(m.group(1));
          }
          if (last >= 0 && last <= 100) {
            progress.accept(last);
          }
          if (window.length() > 64) {
            window.delete(0, window.length() - 16);
          }
        }
      }
    } catch (IOException e) {
      // the process was killed: its output ends here
    }
  }

  private static void readLines(Process p, List<String> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (lines) {
          if (lines.size() < 200) {
            lines.add(line);
          }
        }
      }
    } catch (IOException e) {
      // the process was killed
    }
  }
}
