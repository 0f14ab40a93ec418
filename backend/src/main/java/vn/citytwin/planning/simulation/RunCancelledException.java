package vn.citytwin.planning.simulation;

/** Thrown inside a run's work when its cancellation was requested: unwinds the work, never reaches a client. */
public final class RunCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunCancelledException() {
    super("run cancelled", null, false, false);
  }
}
