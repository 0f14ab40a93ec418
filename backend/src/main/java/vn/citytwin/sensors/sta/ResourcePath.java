package vn.citytwin.sensors.sta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.sensors.sta.query.EntityType;
import vn.citytwin.sensors.sta.query.Nav;

/**
 * A SensorThings resource path (OGC 18-088 §9.2) below {@code /sta/v1.1}: an entity set, optionally an id, then
 * navigation properties (each optionally with an id), then optionally a property ({@code /name}, {@code /name/$value})
 * or {@code /$ref}. Checked against the model while parsing; the database is asked nothing yet.
 *
 * @param steps the entity steps, first the entity set
 * @param property a property name after the last entity step, or null
 * @param value whether {@code /$value} follows the property
 * @param ref whether the path ends with {@code /$ref}
 */
public record ResourcePath(List<Step> steps, String property, boolean value, boolean ref) {
  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\((\\d+)\\))?");

  /**
   * One entity step: the type reached, the navigation property used to reach it (null for the entity set), and the
   * id given in parentheses (null when none).
   */
  public record Step(EntityType type, Nav nav, Long id) {
    /** Whether the step names one entity (an id, or a to-one navigation property). */
    public boolean single() {
      return id != null || nav != null && !nav.many();
    }
  }

  public EntityType type() {
    return last().type();
  }

  public Step last() {
    return steps.get(steps.size() - 1);
  }

  /** Whether the path addresses a collection (an entity set or a to-many navigation without id). */
  public boolean collection() {
    return !last().single();
  }

  /** @throws ApiException NOT_FOUND for an unknown entity set or property, invalid parameter for a malformed path */
  public static ResourcePath parse(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String[] parts = p.split("/");
    List<Step> steps = new ArrayList<>();
    String property = null;
    boolean value = false;
    boolean ref = false;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.equals("$ref")) {
        if (i != parts.length - 1 || steps.isEmpty() || property != null) {
          throw bad("$ref must end a path to entities");
        }
        ref = true;
        continue;
      }
      if (part.equals("$value")) {
        if (i != parts.length - 1 || property == null) {
          throw bad("$value must follow a property");
        }
        value = true;
        continue;
      }
      if (property != null) {
        throw bad("nothing may follow the property '" + property + "' but $value");
      }
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        throw ApiException.notFound(null, "No such resource: '" + part + "'");
      }
      String name = m.group(1);
      Long id = m.group(2) == null ? null : parseId(m.group(2));
      if (steps.isEmpty()) {
        EntityType t = EntityType.byPlural(name);
        if (t == null) {
          throw ApiException.notFound(null, "No entity set '" + name + "'");
        }
        steps.add(new Step(t, null, id));
        continue;
      }
      Step prev = steps.get(steps.size() - 1);
      Nav nav = prev.type().nav(name);
      if (nav != null) {
        if (!prev.single()) {
          throw bad("'" + name + "' must follow a single entity, e.g. " + prev.type().plural() + "(1)/" + name);
        }
        if (id != null && !nav.many()) {
          throw bad("'" + name + "' is a single entity and takes no id");
        }
        steps.add(new Step(EntityType.targetOf(nav), nav, id));
        continue;
      }
      if (id == null && prev.single() && (prev.type().prop(name) != null || name.equals("id"))) {
        property = name;
        continue;
      }
      throw ApiException.notFound(null, prev.type().singular() + " has no property or navigation property '" + name
          + "'");
    }
    if (steps.isEmpty()) {
      throw ApiException.notFound(null, "No such resource");
    }
    return new ResourcePath(List.copyOf(steps), property, value, ref);
  }

  private static Long parseId(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw ApiException.notFound(null, "No entity with id " + digits);
    }
  }

  private static ApiException bad(String message) {
    return ApiException.invalidParameter(null, "Invalid path: " + message);
  }
}
