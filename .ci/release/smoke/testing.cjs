// CommonJS consumer: require('@aopkit/testing') by name; the shared scenario gets the required module.
const pkg = require('@aopkit/testing');

import('./lib/testing.mjs')
  .then(({ testingScenario }) => testingScenario(pkg))
  .then((message) => console.log(`CJS: ${message}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
