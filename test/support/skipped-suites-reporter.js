/**
 * A jest reporter that ends the run by naming each skipped suite, with the reason its title gives
 * (the Chromium sign-in, the relay in workerd): a skipped suite is otherwise only a count.
 */
class SkippedSuitesReporter {
  onRunComplete(_contexts, results) {
    const skipped = new Set();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending') skipped.add(test.ancestorTitles[0] ?? test.title);
      }
    }
    for (const suite of skipped) process.stderr.write(`Skipped: ${suite}\n`);
  }
}

module.exports = SkippedSuitesReporter;
