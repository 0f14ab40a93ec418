package vn.citytwin.access;

import java.util.Set;

/**
 * Who may see a layer or an attribute: everyone ({@code public}), any signed-in role ({@code internal}: viewer and
 * up), or the named roles ({@code restricted}). Admins and GIS admins (who manage the rules) see everything.
 */
public record Rule(Visibility visibility, Set<Role> roles) {
  public static final Rule PUBLIC = new Rule(Visibility.PUBLIC, Set.of());

  public enum Visibility { PUBLIC, INTERNAL, RESTRICTED }

  public Rule {
    roles = Set.copyOf(roles);
  }

  public boolean allows(Principal p) {
    if (visibility == Visibility.PUBLIC || p.may(Role.GIS_ADMIN)) {
      return true;
    }
    if (visibility == Visibility.INTERNAL) {
      return p.roles().stream().anyMatch(r -> r != Role.PUBLIC);
    }
    return p.roles().stream().anyMatch(roles::contains);
  }
}
