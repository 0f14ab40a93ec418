package vn.citytwin.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking: a user (id and name) with roles, or the anonymous public. Resolved once per request from its
 * credentials ({@link Authenticator}); every principal has the {@code public} role.
 *
 * @param userId the user's id, or null for anonymous
 */
public record Principal(Long userId, String name, Set<Role> roles) {
  public static final Principal ANONYMOUS = new Principal(null, "anonymous", Set.of(Role.PUBLIC));

  public Principal {
    EnumSet<Role> all = EnumSet.of(Role.PUBLIC);
    all.addAll(roles);
    roles = Set.copyOf(all);
  }

  public boolean isAnonymous() {
    return userId == null;
  }

  /** Has the role, or is an admin (who may do everything). */
  public boolean may(Role role) {
    return roles.contains(role) || roles.contains(Role.ADMIN);
  }

  /** The roles in a fixed order, e.g. {@code planner+public}: answers that differ by role are cached under it. */
  public String rolesKey() {
    return roles.stream().sorted().map(Role::wireName).collect(Collectors.joining("+"));
  }
}
