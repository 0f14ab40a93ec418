package vn.citytwin.core.http;

import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;

/**
 * OGC key-value-pair request parameters: names are case-insensitive (WMS 1.3.0 §6.8.1, WFS 2.0 §6.2.5), values
 * are kept as sent. The first occurrence of a repeated name wins. Every accessor that rejects a value raises an
 * {@link ApiException} whose locator is the parameter name as the client should spell it.
 */
public final class KvpParams {
  private final Map<String, String> values;

  private KvpParams(Map<String, String> values) {
    this.values = values;
  }

  public static KvpParams of(MultiMap params) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : params) {
      map.putIfAbsent(e.getKey().toUpperCase(Locale.ROOT), e.getValue());
    }
    return new KvpParams(map);
  }

  public static KvpParams of(Map<String, String> params) {
    Map<String, String> map = new LinkedHashMap<>();
    params.forEach((k, v) -> map.putIfAbsent(k.toUpperCase(Locale.ROOT), v));
    return new KvpParams(map);
  }

  /** The value, or empty when absent or blank. */
  public Optional<String> get(String name) {
    String v = values.get(name.toUpperCase(Locale.ROOT));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public boolean has(String name) {
    return get(name).isPresent();
  }

  /** The value, or MissingParameterValue. */
  public String require(String name) {
    return get(name).orElseThrow(() -> ApiException.missingParameter(name));
  }

  public String getOr(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  /** An integer within [min, max], or InvalidParameterValue naming the parameter. */
  public Optional<Integer> integer(String name, int min, int max) {
    return get(name).map(v -> {
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw ApiException.invalidParameter(name, name + " must be between " + min + " and " + max + ", got " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter(name, name + " must be an integer, got '" + ErrorText.abbreviate(v) + "'");
      }
    });
  }

  /** A value parsed by {@code parser}; any exception other than ApiException becomes InvalidParameterValue. */
  public <T> Optional<T> parsed(String name, Function<String, T> parser) {
    return get(name).map(v -> {
      try {
        return parser.apply(v);
      } catch (ApiException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ApiException.invalidParameter(name, "Invalid " + name + ": '" + ErrorText.abbreviate(v) + "'");
      }
    });
  }

  /** Cut long user input before echoing it in an error message. */
}
