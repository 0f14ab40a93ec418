package vn.citytwin.planning.scenarios;

/**
 * A page of the scenario list.
 *
 * @param status only scenarios with this status, or null for all
 * @param parent only children of this scenario, or null for no parent filter
 * @param baseOnly only scenarios whose parent is the base city (ignored when {@code parent} is set)
 * @param limit page size, at least 1
 * @param offset rows to skip, at least 0
 */
/** @param readerId the user listing (null: anonymous); {@code readerAdmin}: sees every scenario */
public record ScenarioQuery(ScenarioStatus status, Long parent, boolean baseOnly, int limit, int offset, Long readerId,
                            boolean readerAdmin) {}
