package designbench.proxy.scenario;

import java.util.Map;

/**
 * One configuration of a scenario and what its load run measured: a row of the scenario's table.
 *
 * @param benchmark the scenario's name, in the form a results table groups by ({@code <Class>.run})
 * @param params    the configuration, in table order
 */
record ScenarioRow(String benchmark, Map<String, String> params, ScenarioContext.Measured measured) {
}
