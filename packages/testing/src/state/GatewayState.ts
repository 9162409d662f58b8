import type { IDENTITY_FIELDS } from '@aopkit/types';
import { configError, FakeGatewayError } from '../errors/FakeGatewayError.js';
import type { FakeTemplate, FakeUser, IssuedVoucher } from '../FakeGatewayCore.js';
import { ownFields } from '../options/ownFields.js';
import { TEMPLATE_TYPES, type TemplateType } from './templateTypes.js';

type IdentityField = (typeof IDENTITY_FIELDS)[number];

const TEMPLATE_KEYS = ['template_id', 'type', 'expired'] as const satisfies readonly (keyof FakeTemplate)[];
const USER_KEYS = [
  'user_id',
  'login_id',
  'taobao_nick',
  'frozen',
] as const satisfies readonly (keyof FakeUser)[];

/** ERR_FAKE_STATE: `method` names a template or user the fake does not hold; a few it holds are listed. */
function stateError(method: string, what: string, id: unknown, held: string[]): FakeGatewayError {
  const some = held.length > 10 ? `${held.slice(0, 10).join(', ')}, …` : held.join(', ');
  return new FakeGatewayError(
    `${method}: no ${what} ${JSON.stringify(id)}${held.length ? `; the fake holds ${some}` : ''}`,
    { code: 'ERR_FAKE_STATE', field: method },
  );
}

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

  /**
   * Adds (or replaces) a template, checked (FakeGatewayError, ERR_FAKE_CONFIG); `where` names it in
   * messages (a fixtures entry, or the method), `path` in the error's field.
   */
  addTemplate(template: FakeTemplate, where = 'addTemplate', path = where): void {
    const shape = '{ template_id, type?, expired? }';
    const own = ownFields(template, TEMPLATE_KEYS, { where, path, shape });
    const templateId = own.template_id;
    if (typeof templateId !== 'string' || templateId === '') {
      throw configError(`${path}.template_id`, `${where}: template_id must be a non-empty string`);
    }
    const which = `${where}: template ${JSON.stringify(templateId)}`;
    const type = own.type ?? 'voucher';
    if (!(TEMPLATE_TYPES as readonly unknown[]).includes(type)) {
      const got = typeof type === 'string' ? JSON.stringify(type) : `a ${typeof type}`;
      throw configError(
        `${path}.type`,
        `${which}: type must be one of ${TEMPLATE_TYPES.join(', ')} (got ${got})`,
      );
    }
    const expired = own.expired ?? false;
    if (typeof expired !== 'boolean') {
      throw configError(`${path}.expired`, `${which}: expired must be a boolean`);
    }
    this.templates.set(templateId, { template_id: templateId, type: type as TemplateType, expired });
  }

  /**
   * Adds (or replaces) a user, checked (FakeGatewayError, ERR_FAKE_CONFIG); `where` names it in
   * messages (a fixtures entry, or the method), `path` in the error's field.
   */
  addUser(user: FakeUser, where = 'addUser', path = where): void {
    const shape = '{ user_id, login_id?, taobao_nick?, frozen? }';
    const own = ownFields(user, USER_KEYS, { where, path, shape });
    const userId = own.user_id;
    if (typeof userId !== 'string' || userId === '') {
      throw configError(`${path}.user_id`, `${where}: user_id must be a non-empty string`);
    }
    const who = `${where}: user ${JSON.stringify(userId)}`;
    const copy: FakeUser = { user_id: userId, frozen: false };
    for (const field of ['login_id', 'taobao_nick'] as const) {
      const value = own[field];
      if (value === undefined) continue;
      // A number or an empty string would never match a request: refused, not silently unreachable.
      if (typeof value !== 'string' || value === '') {
        throw configError(`${path}.${field}`, `${who}: ${field} must be a non-empty string when given`);
      }
      const holder = this.#users[field].get(value);
      if (holder && holder.user_id !== userId) {
        throw configError(
          `${path}.${field}`,
          `${who}: ${field} ${JSON.stringify(value)} already belongs to user ${JSON.stringify(holder.user_id)}`,
        );
      }
      copy[field] = value;
    }
    const frozen = own.frozen ?? false;
    if (typeof frozen !== 'boolean') throw configError(`${path}.frozen`, `${who}: frozen must be a boolean`);
    copy.frozen = frozen;
    // Replacing a user: its old login_id / taobao_nick must not keep reaching the old record.
    const previous = this.#users.user_id.get(userId);
    if (previous?.login_id !== undefined) this.#users.login_id.delete(previous.login_id);
    if (previous?.taobao_nick !== undefined) this.#users.taobao_nick.delete(previous.taobao_nick);
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
    if (!template) throw stateError('expireTemplate', 'template', templateId, [...this.templates.keys()]);
    template.expired = true;
  }

  freezeUser(userId: string): void {
    const user = this.#users.user_id.get(userId);
    if (!user) throw stateError('freezeUser', 'user', userId, [...this.#users.user_id.keys()]);
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
  load(fixtures: { templates: readonly unknown[]; users: readonly unknown[] }): void {
    this.templates.clear();
    for (const index of Object.values(this.#users)) index.clear();
    this.vouchers = [];
    this.#issued.clear();
    for (const [i, template] of fixtures.templates.entries())
      this.addTemplate(template as FakeTemplate, `templates[${i}]`, `fixtures.templates[${i}]`);
    for (const [i, user] of fixtures.users.entries())
      this.addUser(user as FakeUser, `users[${i}]`, `fixtures.users[${i}]`);
  }
}
