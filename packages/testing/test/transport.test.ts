import { GATEWAYS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, DROP, demoFixtures } from '../src/index.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, okBiz, useMswGateway } from './helpers/setup.js';

const { send } = useMswGateway({ baseUrls: ['http://alipay.test', 'http://other.test/gateway.do/'] });

describe('gateway URLs and handle()', () => {
  it.each([
    GATEWAYS.production,
    GATEWAYS.sandbox,
    'http://alipay.test/gateway.do',
    'http://other.test/gateway.do',
  ])('answers POST %s', async (url) => {
    const answer = await send({ biz: okBiz(`url-${url}`), url });
    expect(answer.node.code).toBe('10000');
  });

  it('handle() runs the pipeline on any Request, with no MSW involved', async () => {
    const standalone = createFakeGateway({ fixtures: demoFixtures });
    const request = await buildRequest({ app: demoApp, biz: okBiz('h1'), url: 'http://anywhere/x' });
    expect((await readAnswer(await standalone.handle(request), standalone)).node.code).toBe('10000');
    standalone.nextCall({ drop: 'before' });
    expect(await standalone.handle(await buildRequest({ app: demoApp, biz: okBiz('h2') }))).toBe(DROP);
    // POST and GET (issue #13; it was POST only) on production and sandbox.
    expect(standalone.handlers).toHaveLength(4);
  });
});
