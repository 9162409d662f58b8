import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The client is not a dependency of this package (it depends on this one): its source, by path.
import { AlipayApiError, createAlipayClient } from '../../client/src/index.js';
import { DEMO_APP_KEYS } from '../src/index.js';
import { type FakeGatewayServer, startFakeGatewayServer } from '../src/server.js';

// Debian's chromium (.ci/run installs it when missing); Playwright's own browser download does not work here.
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = new URL('../.vitest/screenshots/', import.meta.url);
const USER = '2088000000000001';

let server: FakeGatewayServer;
let browser: Browser;
let page: Page;
let appId: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startFakeGatewayServer({
    gatewayOptions: {
      fixtures: {
        templates: [{ template_id: 'TPL_WELCOME' }, { template_id: 'TPL_SPRING' }],
        users: [{ user_id: USER, login_id: 'buyer@example.com' }, { user_id: '2088000000000002' }],
      },
    },
  });
  appId = server.gateway.registerApp({ publicKey: DEMO_APP_KEYS.publicKey }).appId;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  // Anything the page asks of another origin (a CDN, a web font) is a failure of "works offline".
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(server.url).origin) && !request.url().startsWith('data:'))
      pageErrors.push(`fetched ${request.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function client(privateKey: string = DEMO_APP_KEYS.privateKey) {
  return createAlipayClient({
    appId,
    privateKey,
    alipayPublicKey: server.gateway.alipayPublicKey,
    gateway: server.url,
    signType: 'RSA2',
    timeoutMs: 5_000,
    maxRetries: 2,
    retryDelay: { initialMs: 1, maxMs: 5 },
  });
}

const row = (seq: number) => page.locator(`#requests-body tr[data-seq="${seq}"]`);
const shot = (name: string) => page.screenshot({ path: new URL(name, SHOTS).pathname, fullPage: true });

describe('the console, in headless Chromium', () => {
  it('shows a voucher sent with @aopkit/client, live, without a reload', async () => {
    await page.goto(`${server.controlUrl}console`);
    await expect.poll(() => page.locator('#live').textContent()).toBe('live');
    await expect.poll(() => page.locator('#templates-list li').count()).toBe(2);

    const { voucher_id } = await client().marketing.voucher.send({
      template_id: 'TPL_WELCOME',
      out_biz_no: 'order-1',
      user_id: USER,
    });
    await expect.poll(() => row(1).textContent()).toContain('order-1');
    const cells = await row(1).locator('td').allTextContents();
    expect(cells).toEqual([
      '#1',
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3}$/),
      appId,
      'alipay.marketing.voucher.send',
      'order-1',
      USER,
      '10000',
      expect.stringMatching(/^\d+ ms$/),
      '',
      '✓ verified',
    ]);
    await expect.poll(() => page.locator('#vouchers-body').textContent()).toContain(voucher_id);
    expect(await page.locator('#vouchers-body').textContent()).toContain('TPL_WELCOME + order-1');
  });

  it('expires a template from the page: the next send fails with TEMPLATE_EXPIRED', async () => {
    await page.getByRole('button', { name: 'Expire TPL_WELCOME' }).click();
    await expect
      .poll(() => page.locator('#templates-list li', { hasText: 'TPL_WELCOME' }).textContent())
      .toContain('expired');
    expect(server.gateway.vouchers).toHaveLength(1);

    const error = await client()
      .marketing.voucher.send({ template_id: 'TPL_WELCOME', out_biz_no: 'order-2', user_id: USER })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ code: '40004', sub_code: 'TEMPLATE_EXPIRED' });
    await expect.poll(() => row(2).locator('.outcome').textContent()).toBe('40004 TEMPLATE_EXPIRED');
  });

  it("scripts a busy gateway from the page: the client's retry shows in the list", async () => {
    await page.getByRole('button', { name: 'Busy (SYSTEM_ERROR)' }).click();
    await expect.poll(() => page.locator('#scripted-count').textContent()).toBe('1 scripted call waiting');

    await client().marketing.voucher.send({
      template_id: 'TPL_SPRING',
      out_biz_no: 'order-3',
      user_id: USER,
    });
    await expect.poll(() => row(4).locator('.outcome').textContent()).toBe('10000');
    expect(await row(3).locator('td').allTextContents()).toEqual([
      '#3',
      expect.any(String),
      appId,
      'alipay.marketing.voucher.send',
      'order-3',
      USER,
      '40004 SYSTEM_ERROR',
      expect.any(String),
      'system-error (scripted)',
      '✓ verified',
    ]);
    expect(await row(4).locator('td').nth(4).textContent()).toBe('order-3');
    // Newest first.
    expect(
      await page
        .locator('#requests-body tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq'))),
    ).toEqual(['4', '3', '2', '1']);
    await expect.poll(() => page.locator('#scripted-count').textContent()).toBe('nothing scripted');

    await page.selectOption('#filter-outcome', 'failed');
    expect(
      await page
        .locator('#requests-body tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq'))),
    ).toEqual(['3', '2']);
    await page.selectOption('#filter-outcome', 'all');
  });

  it('opens an isv.invalid-signature request with the keyboard and shows the string the fake verified', async () => {
    const wrongKey = server.gateway.registerApp().privateKey!;
    const error = await client(wrongKey)
      .marketing.voucher.send({ template_id: 'TPL_SPRING', out_biz_no: 'order-&amp;-5', user_id: USER })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' });
    await expect.poll(() => row(5).locator('.sig').textContent()).toBe('✗ invalid');

    await row(5).focus();
    await page.keyboard.press('Enter');
    const verified = page.locator('#detail pre.verified');
    await expect.poll(() => verified.textContent()).toBe((error as AlipayApiError).clientSignString);
    expect(await verified.textContent()).toMatch(new RegExp(`^app_id=${appId}&biz_content=\\{`));
    // What a user must look for stands out: the charset and an escaped ampersand are marked.
    expect(await verified.locator('mark.charset').allTextContents()).toEqual(['utf-8']);
    expect(await verified.locator('mark.amp').allTextContents()).toEqual(['&amp;']);
    expect(await page.locator('#detail').textContent()).toContain('Signed with the fake Alipay key');
    expect(await page.locator('#detail pre.answer').textContent()).toContain(
      '"sub_code":"isv.invalid-signature"',
    );
    await shot('console-wide.png');
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.screenshot({
      path: new URL('console-readme.png', SHOTS).pathname,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1060 },
    });

    await page.setViewportSize({ width: 420, height: 900 });
    await shot('console-narrow.png');
    expect(pageErrors).toEqual([]);
  });

  it('resets the fake from the page: the list and the opened request clear, the template is back', async () => {
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.getByRole('button', { name: 'Reset the fake' }).click();
    await expect.poll(() => page.locator('#requests-body').textContent()).toContain('No request yet');
    expect(server.gateway.requests).toEqual([]);
    expect(await page.locator('#detail').textContent()).toContain('Open a request');
    await expect
      .poll(() => page.locator('#templates-list li', { hasText: 'TPL_WELCOME' }).textContent())
      .toContain('active');
    expect(pageErrors).toEqual([]);
  });
});
