// ESM consumer: import '@aopkit/testing' by name, as an installed dependency.
import * as pkg from '@aopkit/testing';
import { testingScenario } from './lib/testing.mjs';

console.log(`ESM: ${await testingScenario(pkg)}`);
