package vn.citytwin.core.config;

/** A configuration value is missing or wrong. The message is one line that names the setting and how to fix it. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
