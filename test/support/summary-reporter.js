// Ends the run with one plain line, `jest: N passed, N failed, N skipped`, that any CI reads.
// A suite that failed to run counts as one failure, so the line never hides it.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(`\njest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  }
}
module.exports = SummaryReporter;
