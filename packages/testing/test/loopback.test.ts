// Every branch of the pipeline again, over real HTTP: the standalone server on 127.0.0.1 (no MSW here).
import { useServerGateway } from './helpers/setup.js';
import { bizContentChecks } from './suites/bizContent.js';
import { businessRules } from './suites/business.js';
import { gatewayChecks } from './suites/gatewayChecks.js';
import { transportChecks } from './suites/transport.js';

const harness = useServerGateway();
gatewayChecks(harness);
bizContentChecks(harness);
businessRules(harness);
transportChecks(harness);
