import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { SPEC_PATH } from './signedExamples.js';

const ROOT = 'urn:aopkit:spec';

/**
 * A check of an answer's JSON text against the spec's contentSchema for text/html answers. Prism sees a
 * text/html body as a string (which it checks); the JSON inside it is checked here, with Ajv's JSON
 * Schema 2020-12 validator. Resolves to '' when the text is valid, else Ajv's description of what is not.
 */
export async function answerChecker(path = SPEC_PATH): Promise<(text: string) => string> {
  const spec = parse(await readFile(path, 'utf8'));
  const media = spec.components.responses.GatewayAnswer.content['text/html'];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: ROOT, components: spec.components });
  const validate = ajv.compile({ $ref: `${ROOT}${media.schema.contentSchema.$ref}` });
  return (text) => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return 'the answer is not JSON text';
    }
    return validate(body) ? '' : ajv.errorsText(validate.errors);
  };
}
