// CommonJS consumer: require('@aopkit/client') by name; the shared scenario gets the required module.
const pkg = require('@aopkit/client');

import('./lib/client.mjs')
  .then(({ clientScenario }) => clientScenario(pkg))
  .then((message) => console.log(`CJS: ${message}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
