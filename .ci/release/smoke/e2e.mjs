// ESM consumer of all packages together.
import * as client from '@aopkit/client';
import * as signer from '@aopkit/signer';
import * as testing from '@aopkit/testing';
import { e2eScenario } from './lib/e2e.mjs';

console.log(`ESM: ${await e2eScenario({ signer, testing, client })}`);
