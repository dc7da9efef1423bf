/**
 * Prints the run's totals as one plain line ("N passed, N failed[, N skipped]") after
 * jest's own summary, so CI can read the outcome whatever the runner.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
    process.stdout.write(`\nTests: ${line}\n`);
  }
}
module.exports = PlainSummaryReporter;
