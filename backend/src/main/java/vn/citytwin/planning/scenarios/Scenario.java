package vn.citytwin.planning.scenarios;

import java.time.Instant;

/**
 * A planning scenario as stored.
 *
 * @param parentId the scenario whose city this one starts from, or null for the base city
 * @param version bumps on every change of the scenario or of its edits: part of every cache key of its city
 * @param editCount the scenario's own edits (its ancestors' not counted)
 * @param childCount scenarios whose parent this is (a scenario with children cannot be deleted)
 * @param visibility who may read it: private (its author), shared (and named users) or published (everyone)
 * @param owner the author's user name, or null for scenarios written by tools
 */
public record Scenario(long id, Long parentId, String name, String description, String author,
                       ScenarioStatus status, long version, Instant created, Instant updated, long editCount,
                       long childCount, String visibility, String owner) {}
