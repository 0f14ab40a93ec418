package vn.citytwin.filter;

/** An operand of a scalar predicate: a property of the feature or a literal value. */
public sealed interface Expression permits PropertyRef, Literal {}
