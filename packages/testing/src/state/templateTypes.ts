/**
 * The template types the fake knows. The spec has no such enum (a template's type is not on the
 * wire; it is the fake's own state, driving the `amount` rule: red packets take it, vouchers refuse
 * it), so this list is the source: FakeTemplate['type'] is derived from it.
 */
export const TEMPLATE_TYPES = ['voucher', 'red_packet'] as const;

export type TemplateType = (typeof TEMPLATE_TYPES)[number];
