package vn.citytwin.render.sld;

import java.util.ArrayList;
import java.util.List;

/** State of one parse: the document's name, its warnings, and where graphics and filters come from. */
final class ParseContext {
  private final String documentName;
  private final List<String> warnings = new ArrayList<>();
  private final StyleResources resources;
  private final RuleFilterParser filterParser;

  ParseContext(String documentName, StyleResources resources, RuleFilterParser filterParser) {
    this.documentName = documentName;
    this.resources = resources;
    this.filterParser = filterParser;
  }

  void warn(String message) {
    warnings.add(documentName + ": " + message);
  }

  List<String> warnings() {
    return warnings;
  }

  String documentName() {
    return documentName;
  }

  StyleResources resources() {
    return resources;
  }

  RuleFilterParser filterParser() {
    return filterParser;
  }
}
