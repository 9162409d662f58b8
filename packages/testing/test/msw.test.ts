// Every branch of the pipeline, in-process: setupFakeGateway's MSW server intercepts fetch.
import { useMswGateway } from './helpers/setup.js';
import { bizContentChecks } from './suites/bizContent.js';
import { businessRules } from './suites/business.js';
import { gatewayChecks } from './suites/gatewayChecks.js';
import { transportChecks } from './suites/transport.js';

const harness = useMswGateway();
gatewayChecks(harness);
bizContentChecks(harness);
businessRules(harness);
transportChecks(harness);
