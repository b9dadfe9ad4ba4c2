/** The history files (JSON lines) a run leaves: operations and the orchestrator's events. */
package designbench.cap.history;
