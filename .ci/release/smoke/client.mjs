// ESM consumer: import '@aopkit/client' by name, as an installed dependency.
import * as pkg from '@aopkit/client';
import { clientScenario } from './lib/client.mjs';

console.log(`ESM: ${await clientScenario(pkg)}`);
