package designbench.proxy.scenario;

import java.util.List;

/** One question of the proxy suite: it starts its own processes, runs its loads, and stops everything it started. */
interface Scenario {

    /** The name its rows carry, {@code designbench.proxy.scenario.<Class>.run}. */
    String benchmark();

    List<ScenarioRow> run(ScenarioContext context) throws Exception;
}
