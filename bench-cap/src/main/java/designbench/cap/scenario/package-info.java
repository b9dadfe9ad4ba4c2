/** One scenario per store (EtcdScenario, HazelcastScenario), their timing per profile, and the suite that runs them. */
package designbench.cap.scenario;
