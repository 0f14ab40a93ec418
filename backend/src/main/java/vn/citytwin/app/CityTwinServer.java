package vn.citytwin.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.access.AccessService;
import vn.citytwin.access.FirstAdmin;
import vn.citytwin.api.LayersRoutes;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;
import vn.citytwin.scenario.ScenarioRegistry;
import vn.citytwin.ogc.OgcApiRoutes;
import vn.citytwin.sensors.ObservationPartitions;
import vn.citytwin.sensors.ObservationStore;
import vn.citytwin.sensors.sta.StaRoutes;
import vn.citytwin.ogc.OgcApiPart;
import vn.citytwin.ogc.OwsRoutes;
import vn.citytwin.edit.CityBoundary;
import vn.citytwin.features.FeatureEditService;
import vn.citytwin.features.FeatureService;
import vn.citytwin.importer.ImportExportRoutes;
import vn.citytwin.ogc.features.OgcFeaturesRoutes;
import vn.citytwin.ogc.wfs.WfsRoutes;
import vn.citytwin.ogc.wms.WmsRoutes;
import vn.citytwin.planning.PlanningRoutes;
import vn.citytwin.tiles.OgcTilesRoutes;
import vn.citytwin.tiles.TileService;
import vn.citytwin.tiles.TilesRoutes;
import vn.citytwin.tiles3d.Tiles3dRoutes;
import vn.citytwin.tiles3d.Tiles3dOptions;
import vn.citytwin.tiles3d.Tiles3dService;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.planning.residents.Residents;
import vn.citytwin.planning.simulation.SimulationService;
import vn.citytwin.planning.simulation.SimulationRoutes;
import vn.citytwin.planning.simulation.access.AccessibilitySimulation;
import vn.citytwin.planning.simulation.flood.DemStore;
import vn.citytwin.planning.simulation.flood.FloodSimulation;
import vn.citytwin.planning.simulation.sun.ShadowSimulation;

/**
 * The composition root: the only class that knows every capability. It opens the database, loads the catalog,
 * builds each capability over the shared services and mounts them on one HTTP server.
 */
public final class CityTwinServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CityTwinServer.class);

  private final Vertx vertx;
  private final Database db;
  private final Catalog catalog;
  private final ScenarioRegistry scenarios;
  private final AccessService access;
  private final Notifications notifications;
  private final ServerVerticle verticle;
  private final String deploymentId;
  /** Capabilities with background work (simulation runs), stopped before the pool closes. */
  private final List<AutoCloseable> background;

  private CityTwinServer(Vertx vertx, Database db, Catalog catalog, ScenarioRegistry scenarios, AccessService access,
                         Notifications notifications, ServerVerticle verticle, String deploymentId,
                         List<AutoCloseable> background) {
    this.vertx = vertx;
    this.db = db;
    this.catalog = catalog;
    this.scenarios = scenarios;
    this.access = access;
    this.notifications = notifications;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
    this.background = background;
  }

  /** Starts everything; blocks until the server listens. A database that cannot be reached fails the start. */
  public static CityTwinServer start(CityTwinConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions()
            .setMaxEventLoopExecuteTime(config.server().maxEventLoopMs())
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE))))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    Database db = null;
    try {
      db = Database.open(vertx, config.database(), registry);
      Catalog catalog = Catalog.load(db);
      Notifications notifications = new Notifications(config.database());
      catalog.listen(notifications);
      ScenarioRegistry scenarios = new ScenarioRegistry(db);
      scenarios.listen(notifications);
      AccessService access = new AccessService(vertx, db, config.access());
      access.listen(notifications);
      notifications.start();
      FirstAdmin.ensure(db, config.access()).ifPresent(t -> printOnce(t, config.server().publicUrl()));
      List<AutoCloseable> background = new ArrayList<>();
      List<Mountable> mounts = capabilities(vertx, config, db, catalog, scenarios, background);
      mounts.addAll(access.routes());
      ServerVerticle verticle = new ServerVerticle(config.server(), config.accessLog(), mounts, access,
          config.access().corsOrigins());
      String id = vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.EVENT_LOOP))
          .await(60, TimeUnit.SECONDS);
      LOG.info("CityTwin listening on {} (port {})", config.server().publicUrl(), verticle.actualPort());
      return new CityTwinServer(vertx, db, catalog, scenarios, access, notifications, verticle, id, background);
    } catch (Exception e) {
      if (db != null) {
        db.close();
      }
      vertx.close();
      throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }
  }

  private static List<Mountable> capabilities(Vertx vertx, CityTwinConfig config, Database db, Catalog catalog,
                                              ScenarioRegistry scenarios, List<AutoCloseable> background) {
    String base = config.server().publicUrl();
    List<LayerLinks> links = new ArrayList<>();
    List<Mountable> mounts = new ArrayList<>();
    mounts.add(new HealthRoutes(vertx, db));
    LayerStatsService stats = new LayerStatsService(db, catalog);
    List<OgcApiPart> ogcParts = new ArrayList<>();

    TileService tileService = new TileService(db, catalog, config.tiles());
    TilesRoutes tiles = TilesRoutes.create(vertx, tileService, catalog, scenarios, stats, config);
    mounts.add(tiles);
    links.add(tiles);
    ogcParts.add(new OgcTilesRoutes(tileService, tiles, catalog, config));

    WmsRoutes wms = WmsRoutes.create(vertx, db, catalog, scenarios, stats, config);
    links.add(wms);

    Tiles3dService tiles3dService = new Tiles3dService(vertx, db, catalog, Tiles3dOptions.from(config.tiles()));
    Tiles3dRoutes tiles3d = new Tiles3dRoutes(vertx, tiles3dService, catalog, scenarios);
    mounts.add(tiles3d);
    links.add(tiles3d);

    FeatureService features = new FeatureService(db, stats);
    // Base-city edits pass the edit model scenario edits pass: the same validator, row check and city boundary.
    FeatureEditService edits = new FeatureEditService(db, catalog, new CityBoundary(catalog,
        config.planning().cityExtent(), config.wfs().cityBoundary()));
    ogcParts.add(new OgcFeaturesRoutes(features, edits, catalog, scenarios, stats, config));
    mounts.add(new OwsRoutes(vertx, List.of(new WfsRoutes(catalog, stats, scenarios, features, edits, config),
        wms), config.wfs().maxRequestMb() * 1024L * 1024L));

    mounts.add(new OgcApiRoutes(vertx, catalog, stats, ogcParts, config));
    ImportExportRoutes importer = ImportExportRoutes.create(vertx, db, catalog, scenarios, features, config,
        background, links);

    // Simulations: two runs at a time, 15 minutes each at most; their routes live inside the planning API.
    // People are counted by one rule from the planning settings, as in the planning indicators.
    Residents residents = Residents.of(config.planning());
    SimulationService simulations = new SimulationService(vertx, db, catalog, scenarios,
        List.of(new FloodSimulation(new DemStore(), residents), new ShadowSimulation(),
            new AccessibilitySimulation(residents)),
        2, Duration.ofMinutes(15));
    background.add(simulations);
    mounts.add(new PlanningRoutes(vertx, db, catalog, scenarios, config.planning(), base,
        new SimulationRoutes(vertx, simulations, base).router()));

    // Sensors: one observation store; the STA API and the live side (MQTT, /live, series, alerts) share it.
    ObservationStore observations = new ObservationStore(db, config.sensors(),
        io.vertx.micrometer.backends.BackendRegistries.getDefaultNow());
    background.add(ObservationPartitions.start(vertx, observations));
    mounts.add(new StaRoutes(vertx, db, observations, base, StaRoutes.mqttEndpoints(config.sensors().live().mqtt())));
    mounts.addAll(LiveSensors.start(vertx, db, observations, config.sensors().live(), base, background));

    // Last: LayersRoutes copies the link providers when built, so every capability must have added its own.
    mounts.add(new LayersRoutes(vertx, catalog, stats, links, base));
    // After LayersRoutes (both at /api): /api/layers/{id} stays LayersRoutes' route, with its metrics label.
    mounts.add(importer);
    return mounts;
  }

  /** The generated first admin token goes to the console once, never to the log (docs/security.md). */
  private static void printOnce(String token, String publicUrl) {
    System.out.println();
    System.out.println("CityTwin: first admin token (shown once; keep it, it is stored only as a hash):");
    System.out.println("  " + token);
    System.out.println("  e.g. curl -H 'Authorization: Bearer " + token + "' " + publicUrl + "/api/tokens");
    System.out.println();
    System.out.flush();
  }

  public int port() {
    return verticle.actualPort();
  }

  public Catalog catalog() {
    return catalog;
  }

  public ScenarioRegistry scenarios() {
    return scenarios;
  }

  /** The layers anonymous visitors see, by the current rules (tools and tests). */
  public java.util.List<vn.citytwin.catalog.Layer> publicLayers() {
    return vn.citytwin.query.VisibleLayers.of(catalog, new vn.citytwin.access.AccessView(
        vn.citytwin.access.Principal.ANONYMOUS, access.rules().snapshot())).all();
  }

  public AccessService access() {
    return access;
  }

  public Database database() {
    return db;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Graceful stop: in-flight requests finish (within the grace period), then the pool and Vert.x close. */
  @Override
  public void close() {
    try {
      vertx.undeploy(deploymentId).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("undeploy: {}", e.getMessage());
    }
    for (AutoCloseable c : background) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("stopping {}: {}", c.getClass().getSimpleName(), e.getMessage());
      }
    }
    notifications.close();
    db.close();
    try {
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("vertx close: {}", e.getMessage());
    }
  }

}
