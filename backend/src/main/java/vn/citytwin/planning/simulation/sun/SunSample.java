package vn.citytwin.planning.simulation.sun;

/**
 * One time step of a sun-hours integration: the sun at the middle of the step stands for the whole step.
 *
 * @param sun the sun position at the step's middle
 * @param hours the step's length in hours (the weight of this sample)
 */
public record SunSample(SunPosition sun, double hours) {}
