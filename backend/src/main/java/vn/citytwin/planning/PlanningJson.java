package vn.citytwin.planning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.planning.compare.ComparedIndicator;
import vn.citytwin.planning.compare.Comparison;
import vn.citytwin.planning.edits.Applied;
import vn.citytwin.planning.edits.Edit;
import vn.citytwin.planning.indicators.Indicator;
import vn.citytwin.planning.indicators.IndicatorReport;
import vn.citytwin.planning.indicators.Scope;
import vn.citytwin.planning.indicators.Text;
import vn.citytwin.planning.residents.Residents;
import vn.citytwin.planning.scenarios.Scenario;
import vn.citytwin.planning.scenarios.ScenarioPage;

/** JSON of the planning API. Links are absolute, on the server's public URL. */
final class PlanningJson {
  private final String base;

  PlanningJson(String baseUrl) {
    this.base = baseUrl + "/api/scenarios";
  }

  String scenarioUrl(Object id) {
    return base + "/" + id;
  }

  JsonObject scenario(Scenario s) {
    String self = scenarioUrl(s.id());
    JsonArray links = new JsonArray()
        .add(link("self", "application/json", self))
        .add(link("edits", "application/geo+json", self + "/edits"))
        .add(link("indicators", "application/json", self + "/indicators"))
        .add(link("diff", "application/geo+json", self + "/diff?against=" + (s.parentId() == null ? "base"
            : s.parentId())))
        .add(link("compare", "application/json", base + "/compare?a=" + s.id() + "&b=base"));
    if (s.parentId() != null) {
      links.add(link("parent", "application/json", scenarioUrl(s.parentId())));
    }
    return new JsonObject().put("id", s.id()).put("name", s.name()).put("description", s.description())
        .put("author", s.author()).put("status", s.status().wire()).put("parent", s.parentId())
        .put("version", s.version()).put("created", s.created().toString()).put("updated", s.updated().toString())
        .put("editCount", s.editCount()).put("childCount", s.childCount())
        .put("visibility", s.visibility()).put("owner", s.owner()).put("links", links);
  }

  JsonObject page(ScenarioPage page) {
    JsonArray items = new JsonArray();
    page.scenarios().forEach(s -> items.add(scenario(s)));
    var q = page.query();
    String filter = (q.status() == null ? "" : "&status=" + q.status().wire())
        + (q.parent() != null ? "&parent=" + q.parent() : q.baseOnly() ? "&parent=base" : "");
    JsonArray links = new JsonArray().add(link("self", "application/json",
        base + "?limit=" + q.limit() + "&offset=" + q.offset() + filter));
    if (q.offset() + page.scenarios().size() < page.numberMatched()) {
      links.add(link("next", "application/json", base + "?limit=" + q.limit() + "&offset=" + (q.offset() + q.limit())
          + filter));
    }
    if (q.offset() > 0) {
      links.add(link("prev", "application/json", base + "?limit=" + q.limit() + "&offset="
          + Math.max(0, q.offset() - q.limit()) + filter));
    }
    return new JsonObject().put("scenarios", items).put("numberMatched", page.numberMatched())
        .put("numberReturned", page.scenarios().size()).put("links", links);
  }

  JsonObject edits(long scenarioId, List<Edit> edits) {
    JsonArray features = new JsonArray();
    for (Edit e : edits) {
      features.add(new JsonObject().put("type", "Feature").put("id", e.featureId()).put("layer", e.layerId())
          .put("op", e.op().wire()).put("updated", e.updated().toString())
          .put("geometry", e.geometryJson() == null ? null : new JsonObject(e.geometryJson()))
          .put("properties", new JsonObject(e.propertiesJson())));
    }
    return new JsonObject().put("type", "FeatureCollection").put("scenario", scenarioId).put("features", features);
  }

  JsonObject applied(Scenario s, List<Applied> applied) {
    JsonArray edits = new JsonArray();
    for (Applied a : applied) {
      JsonObject e = new JsonObject().put("layer", a.layerId()).put("id", a.featureId()).put("op", a.op().wire());
      if (a.withdrawn()) {
        e.put("withdrawn", true);
      }
      edits.add(e);
    }
    return new JsonObject().put("scenario", scenario(s)).put("edits", edits);
  }

  JsonObject report(IndicatorReport r, PlanningSettings settings, String selfUrl) {
    JsonObject json = new JsonObject()
        .put("scenario", r.scenario().isBase() ? "base" : r.scenario().id())
        .put("cacheKey", r.scenario().cacheKey())
        .put("scope", r.scope().key().startsWith("area:") ? "area" : r.scope().key())
        .put("accessMethod", r.accessMethod())
        .put("assumptions", assumptions(settings))
        .put("indicators", indicators(r.indicators()));
    if (r.scope() instanceof Scope.ByWard || r.scope() instanceof Scope.ByZone) {
      JsonArray units = new JsonArray();
      for (IndicatorReport.UnitIndicators u : r.units()) {
        units.add(new JsonObject().put("id", u.unit().key()).put("attributes", u.unit().attributes())
            .put("indicators", indicators(u.indicators())));
      }
      json.put("units", units);
    }
    return json.put("links", new JsonArray().add(link("self", "application/json", selfUrl)));
  }

  JsonObject comparison(Comparison c, String diffUrl, String selfUrl) {
    JsonArray rows = new JsonArray();
    for (ComparedIndicator i : c.indicators()) {
      rows.add(new JsonObject().put("id", i.id()).put("unit", i.unit()).put("label", text(i.label()))
          .put("definition", text(i.definition())).put("a", i.a()).put("b", i.b()).put("difference", i.difference())
          .put("relativeDifference", i.relativeDifference()).put("changed", i.changed()));
    }
    return new JsonObject().put("a", side(c.a())).put("b", side(c.b())).put("scope", c.scope())
        .put("accessMethod", c.accessMethod()).put("indicators", rows)
        .put("links", new JsonArray()
            .add(link("self", "application/json", selfUrl))
            .add(link("diff", "application/geo+json", diffUrl))
            .add(link("alternate", "text/csv", selfUrl + "&f=csv"))
            .add(link("alternate", "text/html", selfUrl + "&f=html")));
  }

  private static JsonObject side(Comparison.CitySide s) {
    return new JsonObject().put("id", s.id() == null ? "base" : s.id()).put("name", s.name())
        .put("version", s.version());
  }

  private static JsonArray indicators(List<Indicator> list) {
    JsonArray a = new JsonArray();
    for (Indicator i : list) {
      a.add(new JsonObject().put("id", i.id()).put("value", i.value()).put("unit", i.unit())
          .put("label", text(i.label())).put("definition", text(i.definition())));
    }
    return a;
  }

  /** The settings behind the numbers; the residents part is the same object the simulations report. */
  private static JsonObject assumptions(PlanningSettings s) {
    return Residents.of(s).toJson().put("jobM2", sorted(s.jobM2()))
        .put("jobM2Default", s.jobM2Default()).put("walkM", sorted(s.walkM()));
  }

  private static JsonObject sorted(Map<String, Double> map) {
    JsonObject o = new JsonObject();
    new java.util.TreeMap<>(map).forEach(o::put);
    return o;
  }

  private static JsonObject text(Text t) {
    return new JsonObject().put("vi", t.vi()).put("en", t.en());
  }

  static JsonObject link(String rel, String type, String href) {
    return new JsonObject().put("rel", rel).put("type", type).put("href", href);
  }
}
