package vn.citytwin.ogc.wms;

import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.error.ErrorText;

/**
 * The WMS exception codes (WMS 1.3.0 Annex E, 1.1.1 Annex A.3) and the helpers that raise them. Generic
 * {@link ApiException}s from shared code (filters, time, scenarios) carry no WMS code; {@link #codeOf} maps them
 * by kind.
 */
public final class WmsErrors {
  public static final String INVALID_FORMAT = "InvalidFormat";
  public static final String INVALID_CRS = "InvalidCRS";
  public static final String INVALID_SRS = "InvalidSRS";
  public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
  public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
  public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
  public static final String INVALID_POINT = "InvalidPoint";
  public static final String CURRENT_UPDATE_SEQUENCE = "CurrentUpdateSequence";
  public static final String INVALID_UPDATE_SEQUENCE = "InvalidUpdateSequence";
  public static final String MISSING_DIMENSION_VALUE = "MissingDimensionValue";
  public static final String INVALID_DIMENSION_VALUE = "InvalidDimensionValue";
  public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
  public static final String MISSING_PARAMETER_VALUE = "MissingParameterValue";
  public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
  public static final String NO_APPLICABLE_CODE = "NoApplicableCode";

  private static final Set<String> WMS_CODES = Set.of(INVALID_FORMAT, INVALID_CRS, INVALID_SRS, LAYER_NOT_DEFINED,
      STYLE_NOT_DEFINED, LAYER_NOT_QUERYABLE, INVALID_POINT, CURRENT_UPDATE_SEQUENCE, INVALID_UPDATE_SEQUENCE,
      MISSING_DIMENSION_VALUE, INVALID_DIMENSION_VALUE, OPERATION_NOT_SUPPORTED, MISSING_PARAMETER_VALUE,
      INVALID_PARAMETER_VALUE, NO_APPLICABLE_CODE, "Timeout", "ResponseTooLarge");

  private WmsErrors() {}

  /**
   * The code a ServiceException shows: the error's own code when it is a WMS code (InvalidCRS becomes
   * InvalidSRS in 1.1.1), else one chosen by kind; TIME errors are InvalidDimensionValue.
   */
  public static String codeOf(ApiException e, WmsVersion version) {
    String code = e.code();
    if (INVALID_CRS.equals(code) || INVALID_SRS.equals(code)) {
      return version == WmsVersion.V1_1_1 ? INVALID_SRS : INVALID_CRS;
    }
    if (WMS_CODES.contains(code)) {
      return code;
    }
    if ("TIME".equalsIgnoreCase(e.locator()) && e.kind() == ErrorKind.INVALID_PARAMETER) {
      return INVALID_DIMENSION_VALUE;
    }
    return switch (e.kind()) {
      case INVALID_PARAMETER, NOT_FOUND, CONFLICT -> INVALID_PARAMETER_VALUE;
      case MISSING_PARAMETER -> MISSING_PARAMETER_VALUE;
      case OPERATION_NOT_SUPPORTED -> OPERATION_NOT_SUPPORTED;
      default -> NO_APPLICABLE_CODE;
    };
  }

  public static ApiException layerNotDefined(String locator, String name) {
    return ApiException.invalidParameter(locator, "Layer '" + ErrorText.abbreviate(name) + "' is not defined")
        .withCode(LAYER_NOT_DEFINED);
  }

  public static ApiException styleNotDefined(String locator, String message) {
    return ApiException.invalidParameter(locator, message).withCode(STYLE_NOT_DEFINED);
  }

  public static ApiException invalidFormat(String locator, String message) {
    return ApiException.invalidParameter(locator, message).withCode(INVALID_FORMAT);
  }

  public static ApiException invalidPoint(String locator, String message) {
    return ApiException.invalidParameter(locator, message).withCode(INVALID_POINT);
  }

  /** Cut user input before echoing it in a message. */
}
