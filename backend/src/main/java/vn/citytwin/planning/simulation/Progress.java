package vn.citytwin.planning.simulation;

import java.sql.Statement;
import java.util.function.DoubleConsumer;

/**
 * A run's progress and cancellation, as the simulation's work sees it. The work calls {@link #checkpoint} between
 * steps and registers every SQL statement before executing it, so a cancellation stops both Java loops and the
 * statement running in the database ({@link Statement#cancel()}).
 */
public interface Progress {

  /**
   * Records the percent done (0–100; never goes back) and throws {@link RunCancelledException} when the run was
   * cancelled, or a timeout error when the run has passed its deadline.
   */
  void checkpoint(double percent);

  /** The statement the work is about to execute: a cancellation cancels it. Returns it for chaining. */
  <S extends Statement> S track(S statement);

  /**
   * A callback for pure algorithms that report a fraction done (0–1): mapped onto {@code [fromPercent,
   * toPercent]}, and a checkpoint on each call.
   */
  default DoubleConsumer range(double fromPercent, double toPercent) {
    return f -> checkpoint(fromPercent + (toPercent - fromPercent) * Math.max(0, Math.min(1, f)));
  }

  /** For work outside a run (tests, tools): never cancelled, progress ignored. */
  Progress NONE = new Progress() {
    @Override
    public void checkpoint(double percent) {
      // nothing to record
    }

    @Override
    public <S extends Statement> S track(S statement) {
      return statement;
    }
  };
}
