package vn.citytwin.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

/** The importer's pure parts, table-driven: names, code pages, VN-2000 detection and the PROJ string it makes. */
class ImporterPartsTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"Ranh giới phường.zip,ranh_gioi_phuong", "Đường ĐT-44A.shp,duong_dt_44a", "2025 nha.gpkg,layer_2025_nha",
      "pg_stat.csv,lpg_stat", "...zip,layer_"})
  void layerNamesFromFileNames(String file, String layer) {
    assertThat(LayerName.fromFileName(file)).isEqualTo(layer);
  }

  @ParameterizedTest
  @CsvSource({"UTF-8,UTF-8", "utf8,UTF-8", "65001,UTF-8", "1258,CP1258", "ANSI 1258,CP1258", "CP1252,CP1252",
      "windows-1258,CP1258"})
  void codePagesOfCpgFiles(String cpg, String encoding) throws Exception {
    Files.writeString(dir.resolve("a.shp"), "");
    Files.writeString(dir.resolve("a.cpg"), cpg + "\r\n");
    assertThat(SourceFile.cpg(dir.resolve("a.shp"))).isEqualTo(encoding);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "EPSG:5899||true", "EPSG:3405||true", "EPSG:4756||true", "EPSG:9210||true", "EPSG:4326||false",
      "EPSG:32648||false", "|GEOGCS[\"GCS_VN_2000\",DATUM[\"D_Vietnam_2000\"]]|true",
      "|PROJCS[\"VN-2000 / TM-3 107-45\"]|true", "|GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\"]]|false"})
  void vn2000IsRecognisedByCodeOrDatumName(String srs, String wkt, boolean vn2000) {
    assertThat(CrsResolver.isVn2000(srs == null ? "" : srs, wkt == null ? "" : wkt)).isEqualTo(vn2000);
  }

  @Test
  void theVn2000ProjStringCarriesTheOfficialParametersInPositionVectorSigns() {
    String proj = CrsResolver.vn2000("+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0"
        + " +datum=WGS84 +towgs84=0,0,0 +units=m +no_defs");
    assertThat(proj).isEqualTo("+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0 +units=m"
        + " +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,"
        + "0.252906278 +no_defs");
  }

  @Test
  void cp1258TextIsDecodedAndComposed() {
    byte[] cp1258 = {0x42, 0x61, (byte) 0xF2, 0x63, 0x68}; // "Ba" + combining dot below + "ch"
    String latin1 = new String(cp1258, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(DbfText.windows1258(latin1)).isEqualTo("Bạch");
  }

  @Test
  void badLayerNamesAndModesAreInvalidParameters() {
    assertThatThrownBy(() -> LayerName.check("Wards", "layer")).isInstanceOf(ApiException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> ImportMode.parse("merge", "mode")).isInstanceOf(ApiException.class);
    assertThat(ImportMode.parse(null, "mode")).isEqualTo(ImportMode.CREATE);
    assertThat(ImportExportRoutes.safeName("../../etc/x y.zip")).isEqualTo("x_y.zip");
  }
}
