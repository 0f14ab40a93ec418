package vn.citytwin.access;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access decision for one request: its principal under one snapshot of the rules. The read path
 * ({@code query.VisibleLayers}) asks it which layers exist and which attributes they have for this principal;
 * answers that differ by it are cached under {@link #cacheKey()}.
 */
public record AccessView(Principal principal, AccessRules.Snapshot rules) {
  /** The routing-context key the {@link Authenticator} stores the view under. */
  public static final String KEY = "citytwin.access";

  /** Anonymous under no rules at all: for tools and tests that read without a request. */
  public static final AccessView EVERYTHING = new AccessView(
      new Principal(0L, "system", Set.of(Role.ADMIN)), AccessRules.Snapshot.EMPTY);

  /** The request's view; the authenticator runs before every route, so a missing one is a wiring bug. */
  public static AccessView of(RoutingContext ctx) {
    AccessView v = ctx.get(KEY);
    if (v == null) {
      throw new IllegalStateException("no access view: the Authenticator must run before " + ctx.request().path());
    }
    return v;
  }

  /**
   * Checks that the principal may do what needs {@code role}: UNAUTHORIZED for the anonymous public (sign in),
   * FORBIDDEN for a principal without it.
   *
   * @param what what is refused, for the message, e.g. "Editing features"
   */
  public void require(Role role, String what) {
    if (principal.may(role)) {
      return;
    }
    if (principal.isAnonymous()) {
      throw vn.citytwin.core.error.ApiException.unauthorized(what + " needs a signed-in user with the role '"
          + role.wireName() + "'");
    }
    throw vn.citytwin.core.error.ApiException.forbidden(what + " needs the role '" + role.wireName() + "'");
  }

  public boolean canSeeLayer(String layerId) {
    return rules.layer(layerId).allows(principal);
  }

  /** Attributes of the layer this principal must not see (empty when none). */
  public Set<String> hiddenAttributes(String layerId) {
    Map<String, Rule> attrs = rules.attributes().get(layerId);
    if (attrs == null) {
      return Set.of();
    }
    Set<String> hidden = new TreeSet<>();
    attrs.forEach((name, rule) -> {
      if (!rule.allows(principal)) {
        hidden.add(name);
      }
    });
    return hidden;
  }

  /**
   * What every answer that depends on the rules is cached under: the principal's roles (two principals with the
   * same roles see the same layers and attributes). Scenario visibility is checked before any cache is asked.
   */
  public String cacheKey() {
    return principal.rolesKey();
  }
}
