#!/usr/bin/env Rscript
# peers.R - forecasts from R's `forecast` package and Prophet on exactly the backtest the
# project ran (same series, origins, training windows, grid and horizons), written in the
# project's forecasts.csv layout so that the project's own scorer scores every method the
# same way. This script computes no scores.
#
# Usage:
#   Rscript peers.R --series RAW.csv --forecasts forecasts.csv --scores scores.csv \
#       --out peers.csv --timings timings.csv \
#       [--methods snaive,ets,stlf,arima,dhr,tbats,prophet] [--max-seconds 300]
#   Rscript peers.R --export-taylor FILE
#
#   --series       raw series CSV: first column the time (YYYY-MM-DD HH:MM:SS or YYYY-MM-DD,
#                  UTC); values from the column named like the backtest's `series`, else the
#                  second column
#   --forecasts    the project's forecasts.csv; its `casinoperf` rows give each origin's
#                  grid, forecast timestamps and horizon, and the series/origin/timestamp/
#                  step/actual/scored fields that are copied verbatim into peers.csv
#   --scores       the project's scores.csv; its `casinoperf` rows (not `all`) give the
#                  origins and each origin's train_from
#   --out          peers.csv (overwritten): forecasts.csv's header, one row per origin,
#                  step and method
#   --timings      timings.csv (overwritten): series,origin,forecaster,seconds,status with
#                  status ok | failed: MESSAGE | timeout | n/a: REASON
#   --methods      comma-separated subset of the methods below (default: all)
#   --max-seconds  wall-time limit per fit, fit and forecast together (default 300)
#   --export-taylor FILE  write forecast::taylor as CSV timestamp,value and stop
#
# Training data per origin: raw points with train_from <= t < origin, put on the grid of
# the forecast step (a point belongs to slot floor((t - origin) / step), a slot's value is
# the mean of its points, as the project does), slots from train_from to origin - step;
# empty slots are filled by forecast::na.interp on the msts. All methods get that series.
# Seasonal periods: sub-daily step -> 86400/step (day) and 7 times that (week); daily
# step -> 7 and 365.25. A period is kept only if training holds two full cycles of it.
#
# Methods. The forecast-package ones call forecast(..., h, level = c(80, 90)) and write
# point = p50 = mean, p10/p90 = the 80 % bounds, p05/p95 = the 90 % bounds.
#   snaive   forecast::snaive with the weekly period if kept, else the daily one
#            (daily data: 7)
#   ets      forecast::ets on a ts with the shortest kept period; n/a if it exceeds 24
#   stlf     forecast::stlf on the msts of all kept periods (a plain ts if only one)
#   arima    forecast::auto.arima on a ts with the shortest kept period; n/a above 350
#            or when auto.arima refuses the data
#   dhr      dynamic harmonic regression: auto.arima(y, xreg = fourier(y, K),
#            seasonal = FALSE), forecast with xreg = fourier(y, K, h). K is
#            min(floor(period / 2), 10) for the shortest period (enough harmonics for the
#            shape of a day) and 5 for each longer one (a smooth week or year); the fixed
#            choice keeps the fit cheap instead of searching K by AICc.
#   tbats    forecast::tbats on the msts, use.parallel = FALSE
#   prophet  prophet::prophet on data.frame(ds = POSIXct UTC, y) with defaults (daily/
#            weekly/yearly seasonality by Prophet's own rules); point = yhat, p05..p95 =
#            quantiles of predictive_samples() at each step
# Each fit runs under setTimeLimit(elapsed = --max-seconds), inside tryCatch; a failure or
# timeout is logged in timings.csv, gives no rows and does not stop the run. Compiled code
# that never checks for interrupts (Stan inside Prophet, for one) can overrun the limit.

Sys.setenv(TZ = "UTC")  # all times are UTC (this also keeps Prophet from asking the OS for its zone)
suppressPackageStartupMessages(library(forecast))

all_methods <- c("snaive", "ets", "stlf", "arima", "dhr", "tbats", "prophet")
levels_wanted <- c(80, 90)

# ---- arguments -------------------------------------------------------------------------
args <- commandArgs(trailingOnly = TRUE)
opt <- list(methods = paste(all_methods, collapse = ","), "max-seconds" = "300")
i <- 1
while (i <= length(args)) {
  if (!startsWith(args[i], "--") || i == length(args)) stop("bad argument: ", args[i])
  opt[[sub("^--", "", args[i])]] <- args[i + 1]
  i <- i + 2
}

if (!is.null(opt[["export-taylor"]])) {
  # ?taylor: "Half-hourly electricity demand in England and Wales from Monday 5 June 2000
  # to Sunday 27 August 2000" (4032 = 12 weeks x 336 points). The help page gives no time
  # of day or zone and the ts itself is indexed in weeks from 1, so we take the first
  # point as 2000-06-05 00:00:00 and label the clock UTC (the data are presumably local
  # British time, BST in that summer).
  taylor <- forecast::taylor
  stamps <- as.POSIXct("2000-06-05 00:00:00", tz = "UTC") + 1800 * (seq_along(taylor) - 1)
  write.csv(data.frame(timestamp = format(stamps, "%Y-%m-%d %H:%M:%S", tz = "UTC"),
                       value = as.numeric(taylor)),
            opt[["export-taylor"]], row.names = FALSE, quote = FALSE)
  quit(save = "no")
}

for (needed in c("series", "forecasts", "scores", "out", "timings")) {
  if (is.null(opt[[needed]])) stop("missing --", needed)
}
methods <- trimws(strsplit(opt$methods, ",")[[1]])
unknown <- setdiff(methods, all_methods)
if (length(unknown) > 0) stop("unknown method(s): ", paste(unknown, collapse = ", "))
max_seconds <- as.numeric(opt[["max-seconds"]])
if ("prophet" %in% methods && !requireNamespace("prophet", quietly = TRUE)) {
  stop("package prophet is not installed")
}

# ---- inputs ----------------------------------------------------------------------------
# Seconds since the epoch, UTC, from "YYYY-MM-DD HH:MM:SS", ISO "...T...Z" or "YYYY-MM-DD".
to_seconds <- function(x) {
  t <- as.POSIXct(sub("Z$", "", sub("T", " ", x)), tz = "UTC",
                  tryFormats = c("%Y-%m-%d %H:%M:%OS", "%Y-%m-%d %H:%M", "%Y-%m-%d"))
  if (anyNA(t)) stop("unreadable time(s), e.g. ", x[is.na(t)][1])
  as.numeric(t)
}
as_time <- function(seconds) as.POSIXct(seconds, origin = "1970-01-01", tz = "UTC")

raw <- read.csv(opt$series, stringsAsFactors = FALSE, check.names = FALSE)
raw_seconds <- to_seconds(raw[[1]])
forecasts <- read.csv(opt$forecasts, colClasses = "character", check.names = FALSE)
scores <- read.csv(opt$scores, colClasses = "character", check.names = FALSE)
origins <- unique(scores[scores$forecaster == "casinoperf" & scores$origin != "all",
                         c("series", "origin", "train_from", "forecast_to")])
if (nrow(origins) == 0) stop("no casinoperf origins in ", opt$scores)

# ---- the methods -----------------------------------------------------------------------
# Each takes the prepared origin `d` and returns a data.frame point, p05, p10, p50, p90,
# p95 with d$h rows, or a string "n/a: reason".
from_forecast <- function(f) {
  mean <- as.numeric(f$mean)
  data.frame(point = mean, p05 = f$lower[, "90%"], p10 = f$lower[, "80%"], p50 = mean,
             p90 = f$upper[, "80%"], p95 = f$upper[, "90%"])
}
shortest <- function(d) if (length(d$periods) > 0) d$periods[1] else 1
single_ts <- function(d, period) ts(d$y, frequency = period)
no_season <- "n/a: no seasonal period with two full cycles in training"

fitters <- list(
  snaive = function(d) {
    if (is.na(d$snaive_period)) return(no_season)
    from_forecast(snaive(single_ts(d, d$snaive_period), h = d$h, level = levels_wanted))
  },
  ets = function(d) {
    if (shortest(d) > 24) return("n/a: ets allows periods up to 24")
    from_forecast(forecast(ets(single_ts(d, shortest(d))), h = d$h, level = levels_wanted))
  },
  stlf = function(d) {
    if (length(d$periods) == 0) return(no_season)
    y <- if (length(d$periods) == 1) single_ts(d, d$periods) else d$ms
    from_forecast(stlf(y, h = d$h, level = levels_wanted))
  },
  arima = function(d) {
    if (shortest(d) > 350) return("n/a: arima allows seasonal periods up to 350")
    fit <- tryCatch(auto.arima(single_ts(d, shortest(d))), error = function(e) {
      if (grepl("time limit", conditionMessage(e))) stop(e)  # a timeout stays a timeout
      paste("n/a: auto.arima refused:", conditionMessage(e))
    })
    if (is.character(fit)) return(fit)
    from_forecast(forecast(fit, h = d$h, level = levels_wanted))
  },
  dhr = function(d) {
    if (length(d$periods) == 0) return(no_season)
    k <- c(min(floor(d$periods[1] / 2), 10), rep(5, length(d$periods) - 1))
    fit <- auto.arima(d$ms, xreg = fourier(d$ms, K = k), seasonal = FALSE)
    from_forecast(forecast(fit, xreg = fourier(d$ms, K = k, h = d$h), level = levels_wanted))
  },
  tbats = function(d) {
    y <- if (length(d$periods) == 0) ts(d$y) else d$ms
    from_forecast(forecast(tbats(y, use.parallel = FALSE), h = d$h, level = levels_wanted))
  },
  prophet = function(d) {
    model <- prophet::prophet(data.frame(ds = as_time(d$times), y = d$y))
    future <- data.frame(ds = as_time(d$future))
    point <- predict(model, future)$yhat
    samples <- prophet::predictive_samples(model, future)$yhat  # steps x samples
    q <- t(apply(samples, 1, quantile, probs = c(0.05, 0.10, 0.50, 0.90, 0.95), names = FALSE))
    data.frame(point = point, p05 = q[, 1], p10 = q[, 2], p50 = q[, 3], p90 = q[, 4],
               p95 = q[, 5])
  }
)

# Runs one method under the time limit; returns list(seconds, status, values).
run_fit <- function(method, d) {
  started <- Sys.time()
  values <- tryCatch({
    setTimeLimit(elapsed = max_seconds, transient = TRUE)
    suppressWarnings(suppressMessages(fitters[[method]](d)))
  }, error = function(e) {
    text <- gsub("[\r\n]+", " ", conditionMessage(e))
    if (grepl("time limit", text)) "timeout" else paste("failed:", trimws(text))
  }, finally = setTimeLimit(elapsed = Inf))
  seconds <- as.numeric(difftime(Sys.time(), started, units = "secs"))
  status <- "ok"
  if (is.character(values)) {
    status <- values
    values <- NULL
  } else if (nrow(values) != d$h || !all(is.finite(as.matrix(values)))) {
    status <- "failed: missing or non-finite forecast values"
    values <- NULL
  }
  list(seconds = seconds, status = status, values = values)
}

# ---- output ----------------------------------------------------------------------------
csv_field <- function(x) {
  x <- as.character(x)
  needs_quotes <- grepl("[\",\r\n]", x)
  x[needs_quotes] <- paste0("\"", gsub("\"", "\"\"", x[needs_quotes]), "\"")
  x
}
write_csv <- function(df, file) {
  body <- if (nrow(df) > 0) do.call(paste, c(lapply(df, csv_field), sep = ",")) else character(0)
  writeLines(c(paste(csv_field(names(df)), collapse = ","), body), file)
}
number <- function(x) sprintf("%.15g", x)

peer_rows <- list()
timing_rows <- list()
save_all <- function() {
  peers <- if (length(peer_rows) > 0) do.call(rbind, peer_rows) else forecasts[0, ]
  write_csv(peers, opt$out)
  timings <- if (length(timing_rows) > 0) do.call(rbind, timing_rows) else
    data.frame(series = character(0), origin = character(0), forecaster = character(0),
               seconds = character(0), status = character(0))
  write_csv(timings, opt$timings)
}
log_fit <- function(o, method, seconds, status) {
  timing_rows[[length(timing_rows) + 1]] <<- data.frame(
    series = o$series, origin = o$origin, forecaster = method,
    seconds = sprintf("%.3f", seconds), status = status, stringsAsFactors = FALSE)
  message(sprintf("%s %-8s %8.1f s  %s", o$origin, method, seconds, status))
}

# ---- one origin ------------------------------------------------------------------------
# Builds the training grid and the forecast grid of one origin (stops on bad input).
prepare <- function(o) {
  rows <- forecasts[forecasts$forecaster == "casinoperf" & forecasts$series == o$series &
                      forecasts$origin == o$origin, ]
  if (nrow(rows) == 0) stop("no casinoperf rows in forecasts.csv")
  rows <- rows[order(as.integer(rows$step)), ]
  origin <- to_seconds(o$origin)
  stamps <- to_seconds(rows$timestamp)
  spacing <- diff(stamps)
  step <- if (length(spacing) > 0) min(spacing) else 86400
  if (step <= 0) stop("forecast timestamps repeat")
  if (length(unique(spacing)) > 1) message("  note: forecast timestamps are not evenly spaced")
  position <- (stamps - origin) / step + 1  # 1 = the origin itself
  if (any(position < 1 | position != round(position))) stop("forecast timestamps off the grid")
  if (to_seconds(o$forecast_to) != max(stamps)) message("  note: forecast_to differs from the last timestamp")

  value_column <- if (o$series %in% names(raw)) o$series else names(raw)[2]
  from <- to_seconds(o$train_from)
  n <- ceiling((origin - from) / step)
  inside <- raw_seconds >= from & raw_seconds < origin & !is.na(raw[[value_column]])
  slot <- floor((raw_seconds[inside] - origin) / step) + n + 1
  y <- rep(NA_real_, n)
  means <- tapply(raw[[value_column]][inside], slot, mean)
  y[as.integer(names(means))] <- means
  if (all(is.na(y))) stop("no raw data in the training window")

  candidates <- if (step < 86400) c(86400 / step, 7 * 86400 / step) else
    if (step == 86400) c(7, 365.25) else numeric(0)
  periods <- candidates[n >= 2 * candidates]
  ms <- if (length(periods) > 0) msts(y, seasonal.periods = periods) else ts(y)
  filled <- as.numeric(na.interp(ms))
  weekly_first <- rev(candidates[if (step < 86400) 1:2 else 1])
  message(sprintf("  %s: %d training slots from %s, %d empty (filled), %d with several raw points; periods %s; h = %d",
                  o$origin, n, o$train_from, sum(is.na(y)), sum(table(slot) > 1),
                  paste(periods, collapse = "/"), max(position)))
  list(rows = rows, position = position, h = max(position), y = filled, periods = periods,
       ms = if (length(periods) > 0) msts(filled, seasonal.periods = periods) else ts(filled),
       snaive_period = weekly_first[weekly_first %in% periods][1],
       times = origin - step * (n:1), future = origin + step * (seq_len(max(position)) - 1))
}

for (r in seq_len(nrow(origins))) {
  o <- origins[r, ]
  d <- tryCatch(prepare(o), error = function(e) conditionMessage(e))
  if (is.character(d)) {
    for (method in methods) log_fit(o, method, 0, paste("failed:", d))
    next
  }
  for (method in methods) {
    fit <- run_fit(method, d)
    log_fit(o, method, fit$seconds, fit$status)
    if (is.null(fit$values)) next
    out <- d$rows
    out$forecaster <- method
    picked <- fit$values[d$position, ]
    for (column in c("point", "p05", "p10", "p50", "p90", "p95")) out[[column]] <- number(picked[[column]])
    peer_rows[[length(peer_rows) + 1]] <- out
  }
  save_all()  # after every origin, so a long run leaves its results so far
}
save_all()
