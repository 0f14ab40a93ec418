package vn.citytwin.testing;

import com.wdtinc.mapbox_vector_tile.adapt.jts.MvtReader;
import com.wdtinc.mapbox_vector_tile.adapt.jts.TagKeyValueMapConverter;
import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsLayer;
import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.locationtech.jts.geom.GeometryFactory;

/** Decodes MVT bytes with an independent protobuf decoder (mapbox-vector-tile), for assertions. */
public final class MvtDecoder {
  private MvtDecoder() {}

  public static JtsMvt decode(byte[] bytes) {
    try {
      return MvtReader.loadMvt(new ByteArrayInputStream(bytes), new GeometryFactory(),
          new TagKeyValueMapConverter(false, "id"),
          // Each ring's role from its winding, as the MVT 2.1 spec defines it (y axis down).
          MvtReader.RING_CLASSIFIER_V1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JtsLayer layer(byte[] bytes, String name) {
    return decode(bytes).getLayer(name);
  }
}
