package designbench.proxy.scenario;

import java.util.List;

/** One question of the proxy suite: it starts its own processes, runs its loads, and stops everything it started. */
interface Scenario {

    /** The name its rows carry, {@code <its class name>.run}: an include pattern selects it by class, as JMH does. */
    default String benchmark() {
        return getClass().getName() + ".run";
    }

    List<ScenarioRow> run(ScenarioContext context) throws Exception;
}
