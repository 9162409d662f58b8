import type { IDENTITY_FIELDS } from '@aopkit/types';
import type { FakeGatewayFixtures, FakeTemplate, FakeUser, IssuedVoucher } from '../FakeGateway.js';
import { TEMPLATE_TYPES } from './templateTypes.js';

type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** An issued voucher and the fingerprint of the business content that issued it (idempotency). */
export interface IssuedRecord {
  voucher: IssuedVoucher;
  fingerprint: string;
}

/** The fake's business state: templates, users (indexed by each identity), issued vouchers. */
export class GatewayState {
  readonly templates = new Map<string, Required<FakeTemplate>>();
  readonly #users: Record<IdentityField, Map<string, FakeUser>> = {
    user_id: new Map(),
    login_id: new Map(),
    taobao_nick: new Map(),
  };
  vouchers: IssuedVoucher[] = [];
  readonly #issued = new Map<string, IssuedRecord>();

  /** Adds (or replaces) a template; `where` names it in errors (a fixtures entry, or the method). */
  addTemplate(template: FakeTemplate, where = 'addTemplate'): void {
    if (typeof template !== 'object' || template === null) {
      throw new TypeError(`${where}: must be an object { template_id, type?, expired? }`);
    }
    if (typeof template.template_id !== 'string' || template.template_id === '') {
      throw new TypeError(`${where}: template_id must be a non-empty string`);
    }
    const type = template.type ?? 'voucher';
    if (!(TEMPLATE_TYPES as readonly unknown[]).includes(type)) {
      const got = typeof type === 'string' ? JSON.stringify(type) : `a ${typeof type}`;
      throw new TypeError(
        `${where}: template ${JSON.stringify(template.template_id)}: type must be one of ${TEMPLATE_TYPES.join(', ')} (got ${got})`,
      );
    }
    const expired = template.expired ?? false;
    if (typeof expired !== 'boolean') {
      throw new TypeError(
        `${where}: template ${JSON.stringify(template.template_id)}: expired must be a boolean`,
      );
    }
    this.templates.set(template.template_id, { template_id: template.template_id, type, expired });
  }

  /** Adds (or replaces) a user; `where` names it in errors (a fixtures entry, or the method). */
  addUser(user: FakeUser, where = 'addUser'): void {
    if (typeof user !== 'object' || user === null) {
      throw new TypeError(`${where}: must be an object { user_id, login_id?, taobao_nick?, frozen? }`);
    }
    if (typeof user.user_id !== 'string' || user.user_id === '') {
      throw new TypeError(`${where}: user_id must be a non-empty string`);
    }
    const who = `${where}: user ${JSON.stringify(user.user_id)}`;
    for (const field of ['login_id', 'taobao_nick'] as const) {
      const value = user[field];
      if (value === undefined) continue;
      // A number or an empty string would never match a request: refused, not silently unreachable.
      if (typeof value !== 'string' || value === '') {
        throw new TypeError(`${who}: ${field} must be a non-empty string when given`);
      }
      const holder = this.#users[field].get(value);
      if (holder && holder.user_id !== user.user_id) {
        throw new TypeError(
          `${who}: ${field} ${JSON.stringify(value)} already belongs to user ${JSON.stringify(holder.user_id)}`,
        );
      }
    }
    const frozen = user.frozen ?? false;
    if (typeof frozen !== 'boolean') throw new TypeError(`${who}: frozen must be a boolean`);
    // Replacing a user: its old login_id / taobao_nick must not keep reaching the old record.
    const previous = this.#users.user_id.get(user.user_id);
    if (previous?.login_id !== undefined) this.#users.login_id.delete(previous.login_id);
    if (previous?.taobao_nick !== undefined) this.#users.taobao_nick.delete(previous.taobao_nick);
    const copy: FakeUser = { ...user, frozen };
    this.#users.user_id.set(copy.user_id, copy);
    if (copy.login_id !== undefined) this.#users.login_id.set(copy.login_id, copy);
    if (copy.taobao_nick !== undefined) this.#users.taobao_nick.set(copy.taobao_nick, copy);
  }

  findUser(field: IdentityField, value: string): FakeUser | undefined {
    return this.#users[field].get(value);
  }

  /** Every user, copies, in the order they were added. */
  listUsers(): FakeUser[] {
    return [...this.#users.user_id.values()].map((user) => ({ ...user }));
  }

  expireTemplate(templateId: string): void {
    const template = this.templates.get(templateId);
    if (!template) throw new Error(`expireTemplate: no template ${JSON.stringify(templateId)}`);
    template.expired = true;
  }

  freezeUser(userId: string): void {
    const user = this.#users.user_id.get(userId);
    if (!user) throw new Error(`freezeUser: no user ${JSON.stringify(userId)}`);
    user.frozen = true; // the same object sits in every index
  }

  /** The voucher already issued for template_id + out_biz_no, if any. */
  issuedFor(templateId: string, outBizNo: string): IssuedRecord | undefined {
    return this.#issued.get(`${templateId}\u0000${outBizNo}`);
  }

  recordIssued(record: IssuedRecord): void {
    this.vouchers.push(record.voucher);
    this.#issued.set(`${record.voucher.template_id}\u0000${record.voucher.out_biz_no}`, record);
  }

  /** Empties everything, then loads the fixtures' templates and users. */
  load(fixtures: FakeGatewayFixtures): void {
    this.templates.clear();
    for (const index of Object.values(this.#users)) index.clear();
    this.vouchers = [];
    this.#issued.clear();
    for (const [i, template] of (fixtures.templates ?? []).entries())
      this.addTemplate(template, `templates[${i}]`);
    for (const [i, user] of (fixtures.users ?? []).entries()) this.addUser(user, `users[${i}]`);
  }
}
