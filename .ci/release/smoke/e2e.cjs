// CommonJS consumer of all packages together.
const client = require('@aopkit/client');
const signer = require('@aopkit/signer');
const testing = require('@aopkit/testing');

import('./lib/e2e.mjs')
  .then(({ e2eScenario }) => e2eScenario({ signer, testing, client }))
  .then((message) => console.log(`CJS: ${message}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
