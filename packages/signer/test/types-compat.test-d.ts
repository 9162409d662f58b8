// @aopkit/types is used at the type level only, here: the signer's unions must stay the spec's.
import type {
  CommonRequestParams,
  Charset as SentCharset,
  ERROR_RESPONSE_NODE as SpecErrorNode,
} from '@aopkit/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { Charset, ERROR_RESPONSE_NODE, SignableParams, SignType } from '../src/index.js';

describe('agreement with @aopkit/types (generated from the spec)', () => {
  it('uses the same sign types and charsets', () => {
    expectTypeOf<SignType>().toEqualTypeOf<CommonRequestParams['sign_type']>();
    // The charsets aopkit sends; the wire's charset also takes the Java SDK's upper-case spellings.
    expectTypeOf<Charset>().toEqualTypeOf<SentCharset>();
    expectTypeOf<Charset>().toExtend<CommonRequestParams['charset']>();
  });

  it('names the error node as the spec does (the signer keeps its own copy: no runtime dependency)', () => {
    expectTypeOf<typeof ERROR_RESPONSE_NODE>().toEqualTypeOf<typeof SpecErrorNode>();
  });

  it('signs the common request parameters as typed there', () => {
    expectTypeOf<CommonRequestParams>().toExtend<SignableParams>();
  });
});
