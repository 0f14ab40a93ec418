package vn.citytwin.planning.scenarios;

import java.util.List;

/** One page of scenarios, newest first, and how many match in all. */
public record ScenarioPage(List<Scenario> scenarios, long numberMatched, ScenarioQuery query) {}
