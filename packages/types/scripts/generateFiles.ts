import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { postTransform } from './atLeastOneOf';
import { buildFacts } from './buildFacts';
import { limitsInDescriptions } from './limitsInDescriptions';
import { propertyDocs } from './propertyDocs';
import { renderFacts } from './renderFacts';

export const SPEC_PATH = fileURLToPath(
  new URL('../../../spec/alipay.marketing.voucher.send.yaml', import.meta.url),
);
const SRC = new URL('../src/', import.meta.url);

export const HEADER = `// This file is generated from spec/alipay.marketing.voucher.send.yaml by packages/types/scripts/generate.ts.
// Do not edit it by hand: change the spec, then run \`pnpm --filter @aopkit/types generate\`.
`;

export interface GeneratedFile {
  /** Absolute path of the file. */
  readonly path: string;
  readonly content: string;
}

/** Reads and parses the YAML spec. */
export async function loadSpec(path = SPEC_PATH): Promise<unknown> {
  return parse(await readFile(path, 'utf8'));
}

/** The TypeScript types of the spec, as openapi-typescript prints them. */
export async function renderOpenApiTypes(spec: unknown): Promise<string> {
  // A copy, with the limits in the descriptions and each property's description as its documentation
  // text (openapi-typescript may also annotate what it is given).
  const ast = await openapiTS(propertyDocs(limitsInDescriptions(spec)) as Parameters<typeof openapiTS>[0], {
    silent: true,
    postTransform,
  });
  return multiLineDocs(astToString(ast));
}

/**
 * Writes each one-line JSDoc (`/** text *\/` alone on its line) over three lines. The declaration
 * bundler moves a one-line comment to the end of the line before it, where editors no longer find it
 * for the property below (`amount` lost its documentation in the published types).
 */
export function multiLineDocs(source: string): string {
  return source.replace(/^([ \t]*)\/\*\* (.*?) \*\/$/gm, '$1/**\n$1 * $2\n$1 */');
}

function withHeader(body: string): string {
  return `${HEADER}\n${body.trimEnd()}\n`;
}

/** Every generated file, computed in memory from the spec; nothing is written. */
export async function generateFiles(specPath = SPEC_PATH): Promise<GeneratedFile[]> {
  const spec = await loadSpec(specPath);
  const facts = renderFacts(buildFacts(spec));
  return [
    {
      path: fileURLToPath(new URL('openapi.gen.ts', SRC)),
      content: withHeader(await renderOpenApiTypes(spec)),
    },
    { path: fileURLToPath(new URL('facts.gen.ts', SRC)), content: withHeader(facts) },
  ];
}
