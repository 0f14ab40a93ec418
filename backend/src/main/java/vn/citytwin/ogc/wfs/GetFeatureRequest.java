package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.query.TimeRange;
import vn.citytwin.scenario.ScenarioRef;

/**
 * A parsed GetFeature or GetPropertyValue request (KVP or XML).
 *
 * @param count requested maximum (COUNT/MAXFEATURES), or null for the server default
 * @param valueReference the property of GetPropertyValue (a column name), or null for GetFeature
 * @param byId true for the GetFeatureById stored query: one bare feature, NotFound when absent
 * @param kvp the KVP parameters, to build next/previous links; null for XML requests
 */
record GetFeatureRequest(WfsVersion version, List<WfsQuery> queries, ScenarioRef scenario, TimeRange time,
                         Integer count, long startIndex, boolean hits, WfsOutputFormat format, String valueReference,
                         boolean byId, KvpParams kvp) {}
