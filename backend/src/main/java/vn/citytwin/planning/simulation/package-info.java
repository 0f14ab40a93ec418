/** Planning simulations (flood, sun and shadow, accessibility) as asynchronous, cached, cancellable runs. */
package vn.citytwin.planning.simulation;
