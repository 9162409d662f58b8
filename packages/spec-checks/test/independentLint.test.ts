import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SPEC } from './helpers/prism.js';
import { brokenSpec } from './helpers/specCopy.js';

// Tools aopkit did not write: @seriousme/openapi-schema-validator (the OpenAPI 3.1 JSON Schema) and
// Spectral's own `spectral:oas` ruleset, which must report nothing, not even a hint.
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const RULESET = fileURLToPath(new URL('../../../spec/.spectral.yaml', import.meta.url));

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(bin(command), args, { env: { ...process.env, FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const validate = (path: string) => run('validate-api', [path]);
const spectral = (path: string) =>
  run('spectral', ['lint', '--fail-severity=hint', '--ruleset', RULESET, path]);

describe('the OpenAPI 3.1 schema validator', () => {
  it('finds the spec valid', async () => {
    const { output } = await validate(SPEC);
    expect(JSON.parse(output)).toEqual({ valid: true });
  });

  it('finds a response without its required description invalid', async () => {
    const copy = await brokenSpec((text) =>
      text.replace(/( {4}GatewayAnswer:\n) {6}description: >-\n(?: {8}.*\n)+/, '$1'),
    );
    try {
      const { output } = await validate(copy.path);
      expect(JSON.parse(output.slice(output.indexOf('{'))).valid).toBe(false);
    } finally {
      await copy.remove();
    }
  });
});

describe("Spectral's oas ruleset", () => {
  it('reports nothing on the spec', async () => {
    const result = await spectral(SPEC);
    expect(result.output).toMatch(/No results with a severity of 'hint' or higher found/);
    expect(result.code).toBe(0);
  });

  it('fails on a schema nothing uses', async () => {
    const copy = await brokenSpec((text) =>
      text.replace(
        '  schemas:\n',
        '  schemas:\n    Unused:\n      type: string\n      description: Nothing refers to it.\n',
      ),
    );
    try {
      const result = await spectral(copy.path);
      expect(result.output).toMatch(/oas3-unused-component/);
      expect(result.code).not.toBe(0);
    } finally {
      await copy.remove();
    }
  });
});
