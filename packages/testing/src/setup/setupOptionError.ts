import { configError, type FakeGatewayError } from '../errors/FakeGatewayError.js';

/**
 * A setupFakeGateway option is wrong (`field` is its path, or `options` for the whole object): the
 * error names it and the fix, never its value when it may be a key.
 */
export const setupOptionError = (field: string, why: string): FakeGatewayError =>
  configError(field, `setupFakeGateway: ${field === 'options' ? field : `options.${field}`} ${why}`);
