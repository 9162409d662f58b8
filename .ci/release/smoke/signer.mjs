// ESM consumer: import '@aopkit/signer' by name, as an installed dependency.
import * as pkg from '@aopkit/signer';
import { signerScenario } from './lib/signer.mjs';

console.log(`ESM: ${await signerScenario(pkg)}`);
