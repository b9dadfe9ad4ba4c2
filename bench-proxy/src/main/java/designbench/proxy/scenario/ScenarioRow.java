package designbench.proxy.scenario;

import designbench.contract.BenchmarkFailure;
import designbench.proxy.load.LoadReport;
import java.util.List;
import java.util.Map;

/**
 * One configuration of a scenario and what it measured: a row of the scenario's table.
 *
 * @param benchmark the scenario's name, in the form a results table groups by ({@code <Class>.run})
 * @param params    the configuration, in table order
 * @param higherIsBetter whether a higher score is better (a rate) or worse (a time, a count of fetches)
 * @param score     the row's figure, in {@code unit}
 * @param measured  the load run behind the row, or the repetitions of one; null for an unavailable row, whose unit
 *                  holds the reason. A row of two or more repetitions scores their median rate.
 */
record ScenarioRow(String benchmark, Map<String, String> params, ScenarioContext.Measured measured, boolean higherIsBetter,
                   double score, String unit) {

    ScenarioRow {
        if (measured != null && measured.repetitions().size() > 1 && score != measured.rate()) {
            throw new IllegalArgumentException("a row of repeated load runs scores their median rate");
        }
    }

    /** A row that cannot be measured on this machine (a tool is missing): listed with the reason, not a failure. */
    static ScenarioRow unavailable(String benchmark, Map<String, String> params, String reason) {
        return new ScenarioRow(benchmark, params, null, true, Double.NaN, reason);
    }

    boolean isUnavailable() {
        return measured == null;
    }

    /** An unavailable row as the failure record lists it. */
    BenchmarkFailure asUnavailable() {
        if (!isUnavailable()) {
            throw new IllegalStateException(benchmark + " " + params + " was measured");
        }
        return new BenchmarkFailure(benchmark, params, unit, true);
    }

    /** A load run's row: its achieved rate (the median over its repetitions), higher is better. */
    ScenarioRow(String benchmark, Map<String, String> params, ScenarioContext.Measured measured) {
        this(benchmark, params, measured, true, measured.rate(), "req/s");
    }

    /** Load runs behind the row: 1, or its repetitions. */
    int repetitions() {
        return measured.repetitions().size();
    }

    /**
     * The row of one second of an open-loop time series: that second's responses as the score, its errors, and its
     * interval's latencies; {@code params} name the second.
     */
    static ScenarioRow ofSecond(String benchmark, Map<String, String> params, ScenarioContext.Measured run,
                                int index, double offeredRate) {
        LoadReport.Second second = run.report().perSecond().get(index);
        LoadReport report = new LoadReport("open", offeredRate, run.report().connections(), 1, second.completed(),
                second.completed(), second.errors() == 0 ? Map.of() : Map.of("any", second.errors()), null,
                0, 0, Map.of(), 0, List.of());
        return new ScenarioRow(benchmark, params, new ScenarioContext.Measured(report, run.intervals().get(index)));
    }
}
