package vn.citytwin.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Raw settings, merged from (lowest to highest precedence) an optional properties file, environment variables and
 * JVM system properties. Keys are lower-case words joined by dots ({@code http.port}); the environment name of a
 * key is {@code CITYTWIN_} + the key upper-cased with dots as underscores ({@code CITYTWIN_HTTP_PORT}), and the
 * system property is {@code citytwin.http.port}.
 *
 * <p>Typed getters validate and throw {@link ConfigException} naming the key and where its value came from.
 * Every key read is remembered so that {@link #unknownKeys()} can warn about typos in the file.
 */
public final class ConfigSource {
  private static final String ENV_PREFIX = "CITYTWIN_";
  private static final String SYS_PREFIX = "citytwin.";

  private final Map<String, String> values = new TreeMap<>();
  private final Map<String, String> origins = new TreeMap<>();
  private final Set<String> fileKeys = new TreeSet<>();
  private final Set<String> read = new TreeSet<>();

  private ConfigSource() {}

  /**
   * @param file optional properties file (null: none); a missing named file is an error
   * @param env the process environment (only {@code CITYTWIN_*} entries are used)
   * @param sys system properties (only {@code citytwin.*} entries are used)
   */
  public static ConfigSource load(Path file, Map<String, String> env, Properties sys) {
    ConfigSource source = new ConfigSource();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("config file " + file + " does not exist");
      }
      Properties props = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
      }
      for (String name : props.stringPropertyNames()) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        source.put(key, props.getProperty(name).trim(), file.getFileName().toString());
        source.fileKeys.add(key);
      }
    }
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && !name.equals("CITYTWIN_CONFIG")) {
        String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        source.put(key, value.trim(), "environment " + name);
      }
    });
    for (String name : sys.stringPropertyNames()) {
      if (name.startsWith(SYS_PREFIX)) {
        source.put(name.substring(SYS_PREFIX.length()), sys.getProperty(name).trim(), "system property " + name);
      }
    }
    return source;
  }

  /** Only the given values: for tests and embedding. */
  public static ConfigSource of(Map<String, String> values) {
    ConfigSource source = new ConfigSource();
    values.forEach((k, v) -> source.put(k, v, "value"));
    return source;
  }

  private void put(String key, String value, String origin) {
    values.put(key, value);
    origins.put(key, origin);
  }

  public String string(String key, String defaultValue) {
    read.add(key);
    String value = values.get(key);
    return value == null || value.isEmpty() ? defaultValue : value;
  }

  public int integer(String key, int defaultValue, int min, int max) {
    String raw = string(key, null);
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value < min || value > max) {
        throw fail(key, raw, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw fail(key, raw, "is not a whole number");
    }
  }

  public double number(String key, double defaultValue, double min, double max) {
    String raw = string(key, null);
    if (raw == null) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(raw);
      if (!(value >= min && value <= max)) {
        throw fail(key, raw, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw fail(key, raw, "is not a number");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    String raw = string(key, null);
    if (raw == null) {
      return defaultValue;
    }
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw fail(key, raw, "must be true or false");
    };
  }

  /** A value from a fixed set (case-insensitive); returns it lower-cased. */
  public String oneOf(String key, String defaultValue, Set<String> allowed) {
    String raw = string(key, null);
    if (raw == null) {
      return defaultValue;
    }
    String value = raw.toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw fail(key, raw, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
    }
    return value;
  }

  /** Keys set in the config file that no setting read: most likely typos. */
  public Set<String> unknownKeys() {
    Set<String> unknown = new TreeSet<>(fileKeys);
    unknown.removeAll(read);
    return unknown;
  }

  private ConfigException fail(String key, String raw, String why) {
    return new ConfigException("setting " + key + " (from " + origins.getOrDefault(key, "default") + "): '" + raw
        + "' " + why);
  }
}
