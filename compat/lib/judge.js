'use strict';
// What the compatibility judges share: each one walks a simulated service with a real client and compares what it
// reads with the estate file the service was started from. This module reads the arguments, records the
// differences, bounds the walk with a deadline and reports: exit 0 when everything matched, 1 on any difference or
// error. A CommonJS module, so that both the CommonJS and the ES module judges load it with a relative path.

const fs = require('fs');

/** A copy of the names, sorted, so that lists compare whatever order the service answers in. */
function sorted(names) {
  return [...names].sort();
}

/**
 * The estate file (the first argument), the service's base URL without trailing slashes and the token, from the
 * named environment variables; a usage error when one is missing.
 */
function readInputs(baseUrlVariable, tokenVariable) {
  const [estateFile] = process.argv.slice(2);
  const baseUrl = (process.env[baseUrlVariable] || '').replace(/\/+$/, '');
  const token = process.env[tokenVariable];
  if (!estateFile || !baseUrl || !token) {
    throw new Error(`usage: ${baseUrlVariable}=... ${tokenVariable}=... node walk.js ESTATE_FILE`);
  }
  return {estate: JSON.parse(fs.readFileSync(estateFile, 'utf8')), baseUrl, token};
}

/**
 * A judge for one client. client names it in the report ("the official client"); httpFailure(error) gives a line
 * on the HTTP answer behind an error, or nothing.
 */
function createJudge({client, httpFailure = () => undefined, deadlineSeconds = 120}) {
  const problems = [];
  let calls = 0;

  /** Records a difference when actual and expected differ; for lists, what is missing and what is extra. */
  function expect(what, actual, expected) {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a === e) {
      return;
    }
    if (Array.isArray(actual) && Array.isArray(expected)) {
      // Lists: name what is missing and what is extra, not the whole list.
      const missing = expected.filter((x) => !actual.includes(x));
      const extra = actual.filter((x) => !expected.includes(x));
      problems.push(`${what}: got ${actual.length}, expected ${expected.length}; missing ${JSON.stringify(missing)}, `
          + `unexpected ${JSON.stringify(extra)}`);
      return;
    }
    problems.push(`${what}: got ${a}, expected ${e}`);
  }

  /** Records a difference that is not a comparison. */
  function problem(text) {
    problems.push(text);
  }

  /** Counts one request sent by the client. */
  function called() {
    calls++;
  }

  /** Runs the walk under the deadline, then reports and exits. */
  function run(walk) {
    // Every wait has an end: a walk that hangs fails the check instead of holding the build.
    setTimeout(() => {
      console.error(`${client} did not finish within ${deadlineSeconds} s (${calls} calls made)`);
      process.exit(1);
    }, deadlineSeconds * 1000).unref();

    walk().then(() => {
      if (problems.length > 0) {
        console.error(`${problems.length} differences between what ${client} read and the estate:`);
        problems.forEach((p) => console.error(`  - ${p}`));
        process.exit(1);
      }
      console.log(`${client} read exactly the estate`);
    }, (error) => {
      console.error(`${client} failed: ${error && error.stack || error}`);
      const http = error && httpFailure(error);
      if (http) {
        console.error(http);
      }
      process.exit(1);
    });
  }

  return {expect, problem, called, calls: () => calls, run};
}

module.exports = {createJudge, readInputs, sorted};
