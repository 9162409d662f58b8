// CommonJS consumer: require('@aopkit/signer') by name; the shared scenario gets the required module.
const pkg = require('@aopkit/signer');

import('./lib/signer.mjs')
  .then(({ signerScenario }) => signerScenario(pkg))
  .then((message) => console.log(`CJS: ${message}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
