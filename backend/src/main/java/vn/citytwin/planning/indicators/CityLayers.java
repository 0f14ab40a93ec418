package vn.citytwin.planning.indicators;

import java.util.List;
import java.util.Optional;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * The layers indicators read, from the catalog's current snapshot. Buildings (with {@code use_type},
 * {@code levels}, {@code height}) are required; every other layer is optional and counts as empty when absent.
 */
record CityLayers(Layer buildings, Optional<Layer> landUse, Optional<Layer> parks, Optional<Layer> schools,
                  Optional<Layer> hospitals, Optional<Layer> roads, Optional<Layer> wards, String versionKey) {

  static final List<String> BUILDING_COLUMNS = List.of("use_type", "levels", "height");

  static CityLayers of(Catalog catalog) {
    Layer buildings = catalog.find("buildings").orElseThrow(() -> unavailable("the layer 'buildings'"));
    for (String col : BUILDING_COLUMNS) {
      if (buildings.field(col).isEmpty()) {
        throw unavailable("column '" + col + "' of layer 'buildings'");
      }
    }
    StringBuilder versions = new StringBuilder();
    for (String id : List.of("buildings", "land_use", "parks", "schools", "hospitals", "roads", "wards")) {
      versions.append(id).append('=').append(catalog.find(id).isPresent() ? catalog.versions().of(id) : 0)
          .append(';');
    }
    return new CityLayers(buildings, catalog.find("land_use"), catalog.find("parks"), catalog.find("schools"),
        catalog.find("hospitals"), catalog.find("roads"), catalog.find("wards"), versions.toString());
  }

  /** The facility layer of a service when it has the column that tells the kind of facility. */
  Optional<Layer> facilities(WalkService s) {
    Optional<Layer> layer = s.layer().equals("schools") ? schools : hospitals;
    return layer.filter(l -> l.field(s.column()).isPresent());
  }

  private static ApiException unavailable(String what) {
    return new ApiException(ErrorKind.UNAVAILABLE, null, null, "Indicators need " + what + " in the catalog", null);
  }
}
