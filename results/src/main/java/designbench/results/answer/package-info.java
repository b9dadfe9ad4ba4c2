/**
 * The answer to each question, generated from its rows: which variant is best in how many of the settings a
 * reviewer varies, by how much against the row it is compared with, and whether that difference is clear (the same
 * Mann–Whitney rule as the tables' {@code ~}); and the few rows that show it (the headline rows). Used for each
 * question's section in summary.md and for the Answers table of results/README.md.
 */
package designbench.results.answer;
