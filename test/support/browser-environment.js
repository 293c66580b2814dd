// The browser tests' jest environment: Node's, counting failed tests and hooks in a global,
// so that the web stack's hooks know when to print the apps' last log lines and a screenshot.
const { TestEnvironment } = require('jest-environment-node');

class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      this.global.__browserTestFailures = (this.global.__browserTestFailures ?? 0) + 1;
    }
  }
}

module.exports = BrowserTestEnvironment;
