package designbench.proxy.scenario;

import java.util.Map;

/**
 * One configuration of a scenario and what it measured: a row of the scenario's table.
 *
 * @param benchmark the scenario's name, in the form a results table groups by ({@code <Class>.run})
 * @param params    the configuration, in table order
 * @param mode      JMH's mode name for the direction: {@code thrpt} (higher is better) or {@code avgt} (lower)
 * @param score     the row's figure, in {@code unit}
 * @param measured  the load run behind the row; null for an unavailable row, whose unit holds the reason
 */
record ScenarioRow(String benchmark, Map<String, String> params, ScenarioContext.Measured measured, String mode,
                   double score, String unit) {

    /** A row that cannot be measured on this machine (a tool is missing): listed with the reason, not a failure. */
    static ScenarioRow unavailable(String benchmark, Map<String, String> params, String reason) {
        return new ScenarioRow(benchmark, params, null, "thrpt", Double.NaN, "unavailable: " + reason);
    }

    boolean isUnavailable() {
        return measured == null;
    }

    /** A load run's row: its achieved rate, higher is better. */
    ScenarioRow(String benchmark, Map<String, String> params, ScenarioContext.Measured measured) {
        this(benchmark, params, measured, "thrpt", measured.report().achievedRate(), "req/s");
    }
}
