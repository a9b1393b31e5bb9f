package io.casinoperf.capacity.demand;

/**
 * One candidate demand model.
 *
 * @param log fitted to log(traffic): trend is exponential growth ("log-linear"), seasonality and
 *     promotions multiply; otherwise fitted to traffic itself, everything adds
 * @param trend whether a trend (with its changepoints) is fitted, or only a level
 * @param daily order of the daily Fourier series (pairs of terms)
 * @param weekly order of the weekly Fourier series
 * @param yearly order of the yearly Fourier series
 * @param hourly order of the hourly Fourier series (a job every hour)
 * @param windowDays how much history the fit uses, counted back from its end; 0 for all
 * @param anchorDays when above 0, the level is moved by the mean residual of the last this many
 *     days, so the forecast starts from where traffic is now rather than from the fit's average
 */
public record Spec(boolean log, boolean trend, int daily, int weekly, int yearly, int hourly, int windowDays,
    int anchorDays) {
  /** Short description, e.g. {@code log-linear trend, daily 4, weekly 2, last 28 days}. */
  public String describe() {
    return (log ? "log-linear" : "linear") + (trend ? " trend" : " level")
        + ", daily order " + daily + ", weekly order " + weekly
        + (yearly > 0 ? ", yearly order " + yearly : "")
        + (hourly > 0 ? ", hourly order " + hourly : "")
        + (windowDays == 0 ? ", all history" : ", last " + windowDays + " days")
        + (anchorDays == 0 ? "" : ", level anchored to the last " + anchorDays + " day" + (anchorDays == 1 ? "" : "s"));
  }
}
