import { SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway } from '../../src/index.js';
import { type Harness, okBiz } from '../helpers/setup.js';

/** Business rules over the state, and idempotency. */
export function businessRules({ gateway, send }: Harness): void {
  describe('business rules over the state', () => {
    it('sends a voucher: 10000 with voucher_id (28 chars) and user_id, recorded in vouchers', async () => {
      const answer = await send({ biz: okBiz('b1', { memo: '优酷3个月兑换券' }) });
      expect(answer.node).toMatchObject({ code: '10000', msg: 'Success', user_id: '2088000000000002' });
      expect(answer.node.voucher_id).toHaveLength(28);
      expect(answer.verified).toBe(true);
      expect(gateway.vouchers).toEqual([
        expect.objectContaining({
          voucher_id: answer.node.voucher_id,
          template_id: 'TPL_VOUCHER_ACTIVE',
          out_biz_no: 'b1',
          user_id: '2088000000000002',
          memo: '优酷3个月兑换券',
        }),
      ]);
    });

    it.each([
      ['TEMPLATE_NOT_EXIST', okBiz('b2', { template_id: 'TPL_NOPE' })],
      ['TEMPLATE_EXPIRED', okBiz('b3', { template_id: 'TPL_VOUCHER_EXPIRED' })],
      ['USER_NOT_EXIST', okBiz('b4', { user_id: '2088999999999999' })],
      ['USER_STATUS_ERROR', okBiz('b5', { user_id: '2088000000000009' })],
    ] as const)('%s', async (subCode, biz) => {
      const answer = await send({ biz });
      expect(answer.node).toEqual({
        code: '40004',
        msg: 'Business Failed',
        sub_code: subCode,
        sub_msg: SUB_CODES[subCode].subMsg,
      });
      expect(answer.verified).toBe(true);
      expect(gateway.vouchers).toHaveLength(0);
    });

    it('red packets require amount; other templates refuse it', async () => {
      const none = await send({ biz: okBiz('rp1', { template_id: 'TPL_RED_PACKET' }) });
      expect(none.node.sub_msg).toContain('amount is required for a red-packet template');
      const refused = await send({ biz: okBiz('rp2', { amount: '9.99' }) });
      expect(refused.node.sub_msg).toContain('amount is only allowed for red-packet templates');
      const ok = await send({ biz: okBiz('rp3', { template_id: 'TPL_RED_PACKET', amount: '9.99' }) });
      expect(ok.node.code).toBe('10000');
      expect(gateway.vouchers.at(-1)?.amount).toBe('9.99');
    });

    it('identity: login_id and taobao_nick reach the user; the response names its user_id', async () => {
      const byLogin = await send({
        biz: { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'i1', login_id: 'buyer@example.com' },
      });
      expect(byLogin.node.user_id).toBe('2088000000000002');
      const byNick = await send({
        biz: { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'i2', taobao_nick: 'tb_buyer' },
      });
      expect(byNick.node.user_id).toBe('2088000000000003');
    });

    it('identity priority: the highest given decides, lower ones are not consulted', async () => {
      const both = {
        template_id: 'TPL_VOUCHER_ACTIVE',
        login_id: 'buyer@example.com',
        taobao_nick: 'tb_buyer',
      };
      expect((await send({ biz: { ...both, out_biz_no: 'i3' } })).node.user_id).toBe('2088000000000002');
      const unknownFirst = await send({ biz: { ...both, out_biz_no: 'i4', user_id: '2088999999999999' } });
      expect(unknownFirst.node.sub_code).toBe('USER_NOT_EXIST');
      const frozenByNick = await send({
        biz: { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'i5', login_id: 'frozen@example.com' },
      });
      expect(frozenByNick.node.sub_code).toBe('USER_STATUS_ERROR');
    });

    it('addTemplate, addUser, expireTemplate, freezeUser change the state', async () => {
      gateway.addTemplate({ template_id: 'TPL_NEW' });
      gateway.addUser({ user_id: '2088000000000100', taobao_nick: '新用户' });
      const first = await send({ biz: { template_id: 'TPL_NEW', out_biz_no: 's1', taobao_nick: '新用户' } });
      expect(first.node.code).toBe('10000');
      gateway.freezeUser('2088000000000100');
      expect(
        (await send({ biz: { template_id: 'TPL_NEW', out_biz_no: 's2', user_id: '2088000000000100' } })).node
          .sub_code,
      ).toBe('USER_STATUS_ERROR');
      gateway.expireTemplate('TPL_NEW');
      expect((await send({ biz: okBiz('s3', { template_id: 'TPL_NEW' }) })).node.sub_code).toBe(
        'TEMPLATE_EXPIRED',
      );
      expect(() => gateway.expireTemplate('TPL_NONE')).toThrow(/no template/);
      expect(() => gateway.freezeUser('2088')).toThrow(/no user/);
      // Typed since issue #13 (these were TypeError): FakeGatewayError, with a code and the field.
      expect(() => gateway.addTemplate({ template_id: '' })).toThrow(
        expect.objectContaining({ code: 'ERR_FAKE_CONFIG', field: 'addTemplate.template_id' }),
      );
      expect(() => gateway.addUser({ user_id: '' })).toThrow(
        expect.objectContaining({ code: 'ERR_FAKE_CONFIG', field: 'addUser.user_id' }),
      );
    });

    it('a template type the fake does not know is refused, naming the allowed ones', () => {
      expect(() => gateway.addTemplate({ template_id: 'TPL_TYPO', type: 'red-packet' as never })).toThrow(
        'addTemplate: template "TPL_TYPO": type must be one of voucher, red_packet (got "red-packet")',
      );
      expect(() => gateway.addTemplate(null as never)).toThrow(/^addTemplate: must be an object/);
      expect(() => gateway.addUser(null as never)).toThrow(/^addUser: must be an object/);
      gateway.addTemplate({ template_id: 'TPL_RP', type: 'red_packet' });
      expect(() =>
        createFakeGateway({ fixtures: { templates: [{ template_id: 'T', type: 'RED_PACKET' as never }] } }),
      ).toThrow('templates[0]: template "T": type must be one of voucher, red_packet (got "RED_PACKET")');
      expect(() => createFakeGateway({ fixtures: { users: [null as never] } })).toThrow(
        /^users\[0\]: must be/,
      );
    });

    it('a user or template entry that could never match is refused, naming the entry and field', () => {
      const user = { user_id: '2088000000000200' };
      expect(() => gateway.addUser({ ...user, login_id: 12345 as never })).toThrow(
        'addUser: user "2088000000000200": login_id must be a non-empty string when given',
      );
      expect(() => gateway.addUser({ ...user, taobao_nick: '' })).toThrow(
        'addUser: user "2088000000000200": taobao_nick must be a non-empty string when given',
      );
      expect(() => gateway.addUser({ ...user, frozen: 'yes' as never })).toThrow(
        'addUser: user "2088000000000200": frozen must be a boolean',
      );
      expect(() => gateway.addTemplate({ template_id: 'T', expired: 1 as never })).toThrow(
        'addTemplate: template "T": expired must be a boolean',
      );
      expect(() =>
        createFakeGateway({ fixtures: { users: [{ user_id: '2088000000000201', login_id: 7 as never }] } }),
      ).toThrow('users[0]: user "2088000000000201": login_id must be a non-empty string when given');
    });

    it('a login_id or taobao_nick belongs to one user; replacing a user drops its old ones', async () => {
      gateway.addUser({ user_id: '2088000000000300', login_id: 'old@example.com' });
      expect(() => gateway.addUser({ user_id: '2088000000000301', login_id: 'old@example.com' })).toThrow(
        'addUser: user "2088000000000301": login_id "old@example.com" already belongs to user "2088000000000300"',
      );
      gateway.addUser({ user_id: '2088000000000300', login_id: 'new@example.com' });
      const byOld = await send({
        biz: { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'u1', login_id: 'old@example.com' },
      });
      expect(byOld.node.sub_code).toBe('USER_NOT_EXIST');
      const byNew = await send({
        biz: { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'u2', login_id: 'new@example.com' },
      });
      expect(byNew.node).toMatchObject({ code: '10000', user_id: '2088000000000300' });
      // Now free, the old login_id may go to another user.
      gateway.addUser({ user_id: '2088000000000301', login_id: 'old@example.com' });
    });

    it('reset() restores the fixtures: added state and vouchers are gone', async () => {
      gateway.addTemplate({ template_id: 'TPL_TEMP' });
      await send({ biz: okBiz('z1') });
      gateway.reset();
      expect(gateway.vouchers).toHaveLength(0);
      expect(gateway.requests).toHaveLength(0);
      expect((await send({ biz: okBiz('z2', { template_id: 'TPL_TEMP' }) })).node.sub_code).toBe(
        'TEMPLATE_NOT_EXIST',
      );
    });
  });

  describe('idempotency by template_id + out_biz_no', () => {
    it('the same content again → 10000 with the first voucher, nothing new issued', async () => {
      const first = await send({ biz: okBiz('d1') });
      const again = await send({ biz: okBiz('d1') });
      expect(again.node).toEqual(first.node);
      expect(gateway.vouchers).toHaveLength(1);
    });

    it('different content → INVALID_PARAMETER saying so', async () => {
      await send({ biz: okBiz('d2') });
      const changed = await send({ biz: okBiz('d2', { memo: 'different' }) });
      expect(changed.node.sub_code).toBe('INVALID_PARAMETER');
      expect(changed.node.sub_msg).toContain(
        'out_biz_no was already used for this template_id with different content',
      );
      expect(gateway.vouchers).toHaveLength(1);
    });

    it('the same out_biz_no on another template is another operation', async () => {
      await send({ biz: okBiz('d3') });
      const other = await send({ biz: okBiz('d3', { template_id: '20140601000730010040000000EB' }) });
      expect(other.node.code).toBe('10000');
      expect(gateway.vouchers).toHaveLength(2);
    });

    it('a retry after the template expired still returns the voucher: the operation already happened', async () => {
      const first = await send({ biz: okBiz('d4') });
      gateway.expireTemplate('TPL_VOUCHER_ACTIVE');
      expect((await send({ biz: okBiz('d4') })).node.voucher_id).toBe(first.node.voucher_id);
    });

    it('concurrent identical requests issue one voucher', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => send({ biz: okBiz('d5') })));
      expect(new Set(answers.map((a) => a.node.voucher_id)).size).toBe(1);
      expect(gateway.vouchers).toHaveLength(1);
    });
  });
}
