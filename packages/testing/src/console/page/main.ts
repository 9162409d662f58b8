// The console: one page over the control API (fetch + server-sent events), nothing else.
import { api, ControlApiError, type LoggedRequest, type Schemas } from './api.js';
import {
  bizOf,
  identityOf,
  leftOut,
  type OutcomeKind,
  outcomeKind,
  outcomeText,
  piecesOf,
  signatureState,
  timeOf,
} from './describe.js';
import { type Child, fill, h } from './h.js';

interface State {
  requests: LoggedRequest[];
  vouchers: Schemas['Voucher'][];
  templates: Schemas['HeldTemplate'][];
  users: Schemas['HeldUser'][];
  faults?: Schemas['FaultSettings'];
  selected?: number;
  detail?: Schemas['RequestDetail'];
  outcome: 'all' | OutcomeKind;
  app: string;
}

const state: State = { requests: [], vouchers: [], templates: [], users: [], outcome: 'all', app: '' };
const $ = (id: string) => document.getElementById(id)!;

/** Says what happened (or what went wrong) where a screen reader hears it. */
function say(text: string, error = false): void {
  const el = $('status');
  el.textContent = text;
  el.className = error ? 'status error' : 'status';
}

/** Runs a page action; a refusal of the control API is shown with its code, never thrown away. */
async function act(done: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    say(done);
  } catch (error) {
    const text = error instanceof ControlApiError ? `${error.code}: ${error.message}` : String(error);
    say(text, true);
  }
}

// --- requests ---

function visible(): LoggedRequest[] {
  return state.requests.filter(
    (r) =>
      (state.outcome === 'all' || outcomeKind(r) === state.outcome) &&
      (state.app === '' || r.app_id === state.app || (!r.app_id && r.params.app_id === state.app)),
  );
}

function requestRow(r: LoggedRequest): HTMLTableRowElement {
  const biz = bizOf(r);
  const sig = signatureState(r);
  const open = () => void openRequest(r.seq);
  return h(
    'tr',
    {
      tabindex: 0,
      'data-seq': r.seq,
      class: `row ${outcomeKind(r)}${state.selected === r.seq ? ' selected' : ''}`,
      'aria-selected': state.selected === r.seq ? 'true' : 'false',
      onclick: open,
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const row =
            e.key === 'ArrowDown'
              ? (e.currentTarget as HTMLElement).nextElementSibling
              : (e.currentTarget as HTMLElement).previousElementSibling;
          (row as HTMLElement | null)?.focus();
        }
      },
    },
    h('td', { class: 'num' }, `#${r.seq}`),
    h('td', null, timeOf(r.receivedAt)),
    h('td', { class: 'mono' }, r.app_id ?? r.params.app_id ?? ''),
    h('td', { class: 'mono wide-only' }, r.params.method ?? ''),
    h('td', { class: 'mono' }, typeof biz.out_biz_no === 'string' ? biz.out_biz_no : ''),
    h('td', { class: 'mono' }, identityOf(biz)),
    h('td', { class: 'outcome' }, outcomeText(r)),
    h('td', { class: 'num' }, r.durationMs === undefined ? '' : `${Math.round(r.durationMs)} ms`),
    h('td', { class: 'fault' }, r.fault ? `${r.fault}${r.scripted ? ' (scripted)' : ''}` : ''),
    h(
      'td',
      { class: `sig ${sig}`, title: `signature ${sig}` },
      sig === 'verified'
        ? ['✓', h('span', { class: 'sr' }, ' verified')]
        : sig === 'invalid'
          ? ['✗', h('span', { class: 'sr' }, ' invalid')]
          : ['–', h('span', { class: 'sr' }, ' not checked')],
    ),
  );
}

function renderRequests(): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.seq;
  const apps = [
    ...new Set(state.requests.map((r) => r.app_id ?? r.params.app_id ?? '').filter(Boolean)),
  ].sort();
  const appSelect = $('filter-app') as HTMLSelectElement;
  fill(
    appSelect,
    h('option', { value: '' }, 'all apps'),
    apps.map((app) => h('option', { value: app, selected: app === state.app }, app)),
  );
  appSelect.value = state.app;
  const rows = visible();
  fill(
    $('requests-body'),
    rows.length === 0
      ? h(
          'tr',
          null,
          h(
            'td',
            { colspan: 10, class: 'empty' },
            state.requests.length
              ? 'No request matches the filters.'
              : 'No request yet: send one to the gateway URL.',
          ),
        )
      : rows.map(requestRow),
  );
  $('request-count').textContent = `${rows.length} of ${state.requests.length}`;
  if (focused) ($('requests-body').querySelector(`[data-seq="${focused}"]`) as HTMLElement | null)?.focus();
}

async function openRequest(seq: number): Promise<void> {
  state.selected = seq;
  renderRequests();
  await act(`request #${seq} opened`, async () => {
    state.detail = await api.request(seq);
    renderDetail();
    $('detail').focus();
  });
}

function renderDetail(): void {
  const d = state.detail;
  const panel = $('detail');
  if (!d) {
    fill(
      panel,
      h(
        'p',
        { class: 'empty' },
        'Open a request (click it, or focus it and press Enter) to see what the fake received, verified and sent.',
      ),
    );
    return;
  }
  const r = d.request;
  const params = r.params;
  const empty = leftOut(params);
  const invalid = r.verdict?.sub_code === 'isv.invalid-signature';
  fill(
    panel,
    h('h2', null, `Request #${r.seq}: ${outcomeText(r)}`),
    r.verdict?.sub_msg
      ? h(
          'p',
          { class: 'submsg' },
          r.verdict.sub_msg.length > 200 ? `${r.verdict.sub_msg.slice(0, 200)}…` : r.verdict.sub_msg,
        )
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'received'),
      h('dd', null, `${r.receivedAt} (${r.charset}${r.encrypted ? ', answer AES-encrypted' : ''})`),
      h('dt', null, 'fault'),
      h('dd', null, r.fault ? `${r.fault}${r.scripted ? ' (scripted)' : ' (seeded)'}` : 'none'),
      r.voucher_id ? [h('dt', null, 'voucher'), h('dd', { class: 'mono' }, r.voucher_id)] : null,
    ),
    h('h3', null, 'Parameters as received'),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'params' },
        h('thead', null, h('tr', null, h('th', null, 'name'), h('th', null, 'value'), h('th', null, 'in'))),
        h(
          'tbody',
          null,
          Object.keys(params)
            .sort()
            .map((name) =>
              h(
                'tr',
                { class: empty.includes(name) ? 'left-out' : undefined },
                h('td', { class: 'mono' }, name),
                h('td', { class: 'mono value' }, params[name] === '' ? '(empty)' : params[name]!),
                h('td', null, r.placement[name] ?? ''),
              ),
            ),
        ),
      ),
    ),
    h(
      'h3',
      { id: 'verified-heading' },
      invalid
        ? 'The string the fake verified (the signature did not match it)'
        : 'The string the fake verified',
    ),
    d.verifiedString === undefined
      ? h('p', { class: 'empty' }, 'None: the request was answered before its signature was checked.')
      : [
          h(
            'pre',
            {
              class: `verified${invalid ? ' invalid' : ''}`,
              'aria-labelledby': 'verified-heading',
              tabindex: 0,
            },
            piecesOf(d.verifiedString, params).map((p) =>
              p.mark ? h('mark', { class: p.mark }, p.text) : p.text,
            ),
          ),
          invalid
            ? h(
                'ul',
                { class: 'hints' },
                h(
                  'li',
                  null,
                  'Compare it with the string your code signed: ',
                  h('mark', { class: 'separator' }, '&'),
                  ' joins parameters, sorted by name.',
                ),
                h(
                  'li',
                  null,
                  'charset: ',
                  h('mark', { class: 'charset' }, params.charset ?? '(none)'),
                  ' — the casing and the name are signed as sent.',
                ),
                h(
                  'li',
                  null,
                  empty.length
                    ? `Left out, empty: ${empty.join(', ')} (sign them only if not empty).`
                    : 'No empty parameter was left out.',
                ),
                d.verifiedString.includes('&amp;')
                  ? h(
                      'li',
                      null,
                      'A value holds ',
                      h('mark', { class: 'amp' }, '&amp;'),
                      ': an HTML-escaped ampersand was signed as is.',
                    )
                  : null,
              )
            : null,
        ],
    h('h3', null, 'The answer sent'),
    d.response
      ? [
          h(
            'p',
            null,
            d.response.signed
              ? 'Signed with the fake Alipay key (sign covers the response node as sent).'
              : 'Not signed (the real gateway does not sign this answer).',
          ),
          h('pre', { class: 'answer', tabindex: 0 }, d.response.text),
        ]
      : h('p', { class: 'empty' }, 'None: the connection was dropped.'),
  );
}

// --- vouchers, templates, users ---

function renderVouchers(): void {
  const sorted = [...state.vouchers].sort(
    (a, b) => a.template_id.localeCompare(b.template_id) || a.user_id.localeCompare(b.user_id),
  );
  fill(
    $('vouchers-body'),
    sorted.length === 0
      ? h('li', { class: 'empty' }, 'None issued yet.')
      : sorted.map((v) =>
          h(
            'li',
            { class: 'voucher' },
            h('span', { class: 'mono' }, v.template_id),
            h('span', { class: 'mono' }, v.user_id),
            h(
              'span',
              { class: 'mono key', title: 'idempotency key: template_id + out_biz_no' },
              `key ${v.template_id} + ${v.out_biz_no}`,
            ),
            h('span', { class: 'mono muted' }, v.voucher_id),
          ),
        ),
  );
}

function renderTemplates(): void {
  fill(
    $('templates-list'),
    state.templates.map((t) =>
      h(
        'li',
        null,
        h('span', { class: 'mono' }, t.template_id),
        h('span', { class: `tag ${t.expired ? 'bad' : 'ok'}` }, t.expired ? 'expired' : 'active'),
        h(
          'button',
          {
            type: 'button',
            disabled: t.expired,
            'aria-label': `Expire ${t.template_id}`,
            onclick: () => act(`${t.template_id} expired`, () => api.expireTemplate(t.template_id)),
          },
          'Expire',
        ),
      ),
    ),
  );
}

function renderUsers(): void {
  fill(
    $('users-list'),
    state.users.map((u) =>
      h(
        'li',
        null,
        h('span', { class: 'mono' }, u.user_id),
        u.login_id ? h('span', { class: 'muted' }, u.login_id) : null,
        h('span', { class: `tag ${u.frozen ? 'bad' : 'ok'}` }, u.frozen ? 'frozen' : 'active'),
        h(
          'button',
          {
            type: 'button',
            disabled: u.frozen,
            'aria-label': `Freeze ${u.user_id}`,
            onclick: () => act(`${u.user_id} frozen`, () => api.freezeUser(u.user_id)),
          },
          'Freeze',
        ),
      ),
    ),
  );
}

// --- faults ---

const KINDS = ['unknown-error', 'system-error', 'latency', 'drop-before', 'drop-after-issue'] as const;

function renderFaults(): void {
  const f = state.faults;
  if (!f) return;
  $('scripted-count').textContent =
    f.scripted === 0 ? 'nothing scripted' : `${f.scripted} scripted call${f.scripted > 1 ? 's' : ''} waiting`;
  // The form shows what is in force, unless the user is typing in it.
  if ($('faults-form').contains(document.activeElement)) return;
  ($('fault-rate') as HTMLInputElement).value = String(f.rate);
  ($('fault-latency') as HTMLInputElement).value = String(f.latencyMs);
  for (const kind of KINDS) {
    ($(`kind-${kind}`) as HTMLInputElement).checked = f.rate === 0 ? true : (f.kinds[kind] ?? 0) > 0;
  }
}

function script(label: string, outcome: Schemas['ScriptedOutcome']): Child {
  return h(
    'button',
    { type: 'button', onclick: () => act(`next call: ${label}`, () => api.nextCall(outcome)) },
    label,
  );
}

function buildFaults(): void {
  fill(
    $('script-buttons'),
    script('Busy (SYSTEM_ERROR)', { sub_code: 'SYSTEM_ERROR' }),
    script('System error (isp.unknow-error)', { sub_code: 'isp.unknow-error' }),
    script('Drop before', { drop: 'before' }),
    script('Drop after issue', { drop: 'after-issue' }),
  );
  $('script-latency-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const ms = Number(($('script-latency') as HTMLInputElement).value);
    void act(`next call: ${ms} ms late`, () => api.nextCall({ latencyMs: ms }));
  });
  $('script-code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const sub_code = ($('script-code') as HTMLInputElement).value.trim();
    void act(`next call: ${sub_code}`, () => api.nextCall({ sub_code }));
  });
  fill(
    $('fault-kinds'),
    KINDS.map((kind) =>
      h('label', null, h('input', { type: 'checkbox', id: `kind-${kind}`, checked: true }), ` ${kind}`),
    ),
  );
  $('faults-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const kinds = Object.fromEntries(
      KINDS.filter((k) => ($(`kind-${k}`) as HTMLInputElement).checked).map((k) => [k, 1]),
    );
    const faults: Schemas['FaultOptions'] = {
      rate: Number(($('fault-rate') as HTMLInputElement).value),
      latencyMs: Number(($('fault-latency') as HTMLInputElement).value),
      kinds,
    };
    void act(`seeded fault rate set to ${faults.rate}`, async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      state.faults = await api.setFaults(faults);
      renderFaults();
    });
  });
}

// --- loading and following ---

const loaders = {
  requests: async () => {
    state.requests = (await api.requests()).requests.reverse();
    renderRequests();
  },
  vouchers: async () => {
    state.vouchers = (await api.vouchers()).vouchers;
    renderVouchers();
  },
  templates: async () => {
    state.templates = (await api.templates()).templates;
    renderTemplates();
  },
  users: async () => {
    state.users = (await api.users()).users;
    renderUsers();
  },
  faults: async () => {
    state.faults = await api.faults();
    renderFaults();
  },
};

const loadAll = () => Promise.all(Object.values(loaders).map((load) => load()));

function onEvent(event: Schemas['GatewayEvent']): void {
  if (event.type === 'request') {
    // A reload on (re)connect may already list it.
    state.requests = state.requests.filter((r) => r.seq !== event.request.seq);
    const at = state.requests.findIndex((r) => r.seq < event.request.seq);
    state.requests.splice(at === -1 ? state.requests.length : at, 0, event.request);
    renderRequests();
    void loaders.vouchers();
    void loaders.faults(); // a scripted outcome was used up
  } else if (event.type === 'state') {
    void loaders[event.what === 'script' ? 'faults' : event.what]();
  } else {
    state.selected = undefined;
    state.detail = undefined;
    renderDetail();
    void loadAll();
  }
}

function follow(): void {
  const source = new EventSource(api.eventsUrl());
  const live = $('live');
  source.onopen = () => {
    live.textContent = 'live';
    live.className = 'live on';
    void loadAll(); // what happened while disconnected
  };
  source.onerror = () => {
    live.textContent = 'reconnecting…';
    live.className = 'live off';
  };
  source.onmessage = (message) => onEvent(JSON.parse(message.data as string) as Schemas['GatewayEvent']);
}

function start(): void {
  ($('filter-outcome') as HTMLSelectElement).addEventListener('change', (e) => {
    state.outcome = (e.target as HTMLSelectElement).value as State['outcome'];
    renderRequests();
  });
  ($('filter-app') as HTMLSelectElement).addEventListener('change', (e) => {
    state.app = (e.target as HTMLSelectElement).value;
    renderRequests();
  });
  $('reset').addEventListener('click', () => act('the fake was reset', api.reset));
  buildFaults();
  renderDetail();
  follow();
}

start();
