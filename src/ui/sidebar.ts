/** The sidebar: check, findings grouped by rule, exam takers, settings. Talks to the server only via call(). */
import { describeRound, PHASE3_REMINDER } from '../core/calendar';
import { GENDER_LABEL, SEVERITY_LABEL } from '../core/labels';
import { SEVERITIES, type Finding, type Lang, type Severity } from '../core/types';
import type { CheckData, RuleInfo, SidebarState } from '../server/index';
import type { Settings } from '../core/settings';
import { call } from './api';
import { byId, clear, el } from './dom';
import { STRINGS } from './i18n';

const PER_GROUP = 100;

const state = {
  lang: 'th' as Lang,
  view: (document.body.dataset.view === 'settings' ? 'settings' : 'check') as 'check' | 'settings',
  app: null as SidebarState | null,
  result: null as CheckData | null,
  shown: new Set<Severity>(SEVERITIES),
  open: new Set<string>(),
};

const t = () => STRINGS[state.lang];

function banner(text: string | null, ok = false): void {
  const b = byId('banner');
  b.hidden = !text;
  b.textContent = text ?? '';
  b.classList.toggle('ok', ok);
}

/** Calls the server; a failure of the call itself shows a message instead of leaving the sidebar blank. */
async function request<T>(
  p: Promise<{ ok: true; data: T } | { ok: false; error: { th: string; en: string } }>,
): Promise<T | null> {
  try {
    const r = await p;
    if (r.ok) return r.data;
    banner(r.error[state.lang]);
  } catch {
    banner(t().failed);
  }
  return null;
}

// ---------------------------------------------------------------- header and chrome

function renderChrome(): void {
  const s = t();
  document.documentElement.lang = state.lang;
  document.body.dataset.view = state.view;
  byId('lang-th').setAttribute('aria-pressed', String(state.lang === 'th'));
  byId('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
  byId('tab-check').textContent = s.tabCheck;
  byId('tab-settings').textContent = s.tabSettings;
  byId('intro').textContent = s.intro;
  byId('reminder-title').textContent = s.reminder;
  const app = state.app;
  const settings = app?.settings;
  byId('school').textContent = settings?.schoolName
    ? `${settings.schoolName}${settings.schoolCode ? ` (${settings.schoolCode})` : ''}`
    : s.noSchool;
  if (app) {
    const r = describeRound(app.round, state.lang);
    byId('round-title').textContent = r.title;
    byId('round-countdown').textContent = app.round.confirmOpen ? `${r.countdown} · ${s.confirmOpen}` : r.countdown;
    const reminder = byId<HTMLDetailsElement>('reminder');
    if (reminder.hidden && app.round.phase3) reminder.open = true;
    reminder.hidden = !app.round.phase3;
    const list = byId('reminder-list');
    clear(list);
    for (const m of PHASE3_REMINDER) list.append(el('li', { text: m[state.lang] }));
  }
  renderCheckButton(false);
  byId('clear').textContent = s.clear;
  byId('correction-title').textContent = s.correctionTitle;
  byId('correction-help').textContent = s.correctionHelp;
  byId('build-form').textContent = s.buildForm;
  byId('draft-email').textContent = s.draftEmail;
  byId('download-xlsx').textContent = s.downloadXlsx;
}

function renderCheckButton(busy: boolean): void {
  const b = byId<HTMLButtonElement>('check');
  b.disabled = busy;
  b.textContent = busy ? t().checking : t().check;
  b.setAttribute('aria-busy', String(busy));
}

// ---------------------------------------------------------------- results

function ruleOf(id: string): RuleInfo | undefined {
  return state.app?.rules.find((r) => r.id === id);
}

function renderResult(): void {
  const data = state.result;
  const section = byId('result');
  section.hidden = !data;
  byId('intro').hidden = !!data;
  if (!data) return;
  const s = t();
  byId('checked-sheet').textContent = s.sheetChecked(data.sheet, data.summary.students);

  const counts = byId('counts');
  clear(counts);
  for (const sev of SEVERITIES) {
    counts.append(
      el(
        'button',
        {
          class: `count ${sev}`,
          attrs: {
            type: 'button',
            'aria-pressed': String(state.shown.has(sev)),
            'data-severity': sev,
            title: s.filter,
          },
          on: {
            click: () => {
              if (state.shown.has(sev)) state.shown.delete(sev);
              else state.shown.add(sev);
              renderResult();
            },
          },
        },
        el('b', { text: String(data.summary.bySeverity[sev]) }),
        SEVERITY_LABEL[sev][state.lang],
      ),
    );
  }
  byId('clean').hidden = data.totalFindings > 0;
  byId('clean').textContent = s.clean;
  const trunc = byId('truncated');
  trunc.hidden = data.findings.length >= data.totalFindings;
  trunc.textContent = s.truncated(data.findings.length, data.totalFindings);

  renderGroups(data);
  renderTakers(data);
}

function renderGroups(data: CheckData): void {
  const groups = byId('groups');
  clear(groups);
  const byRule = new Map<string, Finding[]>();
  for (const f of data.findings) {
    if (!state.shown.has(f.severity)) continue;
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  // Errors first, then warnings, then info; within a severity, the catalogue's order.
  const order = state.app?.rules.map((r) => r.id) ?? [];
  const rank = (id: string) => SEVERITIES.indexOf(byRule.get(id)![0]!.severity) * 1000 + order.indexOf(id);
  const ids = [...byRule.keys()].sort((a, b) => rank(a) - rank(b));
  for (const id of ids) {
    const list = byRule.get(id)!;
    const rule = ruleOf(id);
    const severity = list[0]!.severity;
    const total = data.summary.byRule[id] ?? list.length;
    const details = el(
      'details',
      { class: `group ${severity}`, attrs: { 'data-rule': id } },
      el('summary', { text: `${rule?.about[state.lang] ?? id} (${total})` }),
      el('p', { class: 'about', text: id }),
      el(
        'ol',
        {},
        ...list.slice(0, PER_GROUP).map((f) =>
          el(
            'li',
            {},
            f.cell
              ? el('button', {
                  class: 'finding',
                  text: f.cell,
                  attrs: { type: 'button', 'data-cell': f.cell, title: t().goTo(f.cell) },
                  on: { click: () => void goTo(data.sheet, f.cell!) },
                })
              : null,
            el('span', { text: f.message[state.lang] }),
          ),
        ),
      ),
      list.length > PER_GROUP ? el('p', { class: 'muted', text: t().moreInSheet(total - PER_GROUP) }) : null,
    );
    details.open = state.open.has(id) || ids.length <= 3;
    details.addEventListener('toggle', () => (details.open ? state.open.add(id) : state.open.delete(id)));
    groups.append(details);
  }
}

function renderTakers(data: CheckData): void {
  const s = t();
  const box = byId('takers');
  clear(box);
  byId('takers-title').textContent = s.takers;
  const x = data.summary.examTakers;
  if (!x.hasExamColumn) {
    box.append(el('p', { class: 'muted', text: s.noExam }));
    return;
  }
  const g = GENDER_LABEL;
  const row = (cells: Array<string | number>, cls = '') =>
    el('tr', { class: cls }, ...cells.map((c) => el('td', { text: String(c) })));
  box.append(
    el(
      'table',
      { attrs: { id: 'takers-table' } },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[s.grade, g.male[state.lang], g.female[state.lang], g.total[state.lang]].map((h) => el('th', { text: h })),
        ),
      ),
      el(
        'tbody',
        {},
        ...x.byGrade.map((c) => row([c.grade, c.male, c.female, c.total])),
        row([g.total[state.lang], x.total.male, x.total.female, x.total.total], 'total'),
      ),
    ),
  );
}

async function goTo(sheet: string, cell: string): Promise<void> {
  await request(call('activateCell', sheet, cell));
}

async function runCheck(): Promise<void> {
  banner(null);
  renderCheckButton(true);
  const data = await request(call('checkRoster'));
  renderCheckButton(false);
  if (!data) return;
  state.result = data;
  if (data.notices.length) banner(data.notices.map((n) => n[state.lang]).join(' '));
  renderResult();
}

async function clearMarks(): Promise<void> {
  banner(null);
  const b = byId<HTMLButtonElement>('clear');
  b.disabled = true;
  b.textContent = t().clearing;
  const msg = await request(call('clearMarks'));
  b.disabled = false;
  b.textContent = t().clear;
  if (msg) {
    banner(msg[state.lang], true);
    state.result = null;
    renderResult();
  }
}

// ---------------------------------------------------------------- ID correction

function status(bad: boolean, ...children: Array<Node | string>): void {
  const box = byId('correction-status');
  clear(box);
  box.append(el('div', { class: `status${bad ? ' bad' : ''}` }, ...children));
}

/** Runs one of the correction actions with its button showing that it works. */
async function busy<T>(id: string, label: string, work: () => Promise<T | null>): Promise<T | null> {
  banner(null);
  const b = byId<HTMLButtonElement>(id);
  b.disabled = true;
  b.textContent = t().working;
  try {
    return await work();
  } finally {
    b.disabled = false;
    b.textContent = label;
  }
}

async function buildForm(): Promise<void> {
  const data = await busy('build-form', t().buildForm, () => request(call('buildCorrectionForm')));
  if (!data) return;
  const s = t();
  status(
    data.problems.length > 0,
    el('div', { text: s.formBuilt(data.sheet, data.rows) }),
    data.template ? el('div', { text: s.formTemplate }) : '',
    data.problems.length ? el('div', { text: s.formTodo }) : '',
    data.problems.length
      ? el('ul', {}, ...data.problems.map((p) => el('li', { text: `${p.no}. ${p.name}: ${p.message[state.lang]}` })))
      : '',
  );
}

async function draftEmail(): Promise<void> {
  const data = await busy('draft-email', t().draftEmail, () => request(call('draftCorrectionEmail')));
  if (!data) return;
  const s = t();
  status(
    false,
    el('div', { text: s.draftDone(data.to, data.students), attrs: { id: 'draft-done' } }),
    el('div', { text: data.subject, class: 'muted' }),
    el('div', { text: s.draftNext }),
    el('a', {
      text: s.openDrafts,
      attrs: { href: 'https://mail.google.com/mail/#drafts', target: '_blank', rel: 'noopener' },
    }),
  );
}

async function downloadXlsx(): Promise<void> {
  const data = await busy('download-xlsx', t().downloadXlsx, () => request(call('downloadCorrectionXlsx')));
  if (!data) return;
  const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = el('a', { attrs: { href: url, download: data.filename } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status(false, el('div', { text: t().downloaded(data.filename) }));
}

// ---------------------------------------------------------------- settings

type FieldSpec = { name: keyof Settings; type: 'text' | 'number' | 'date' | 'email' | 'tel' | 'select' };
const FIELDS: FieldSpec[] = [
  { name: 'schoolName', type: 'text' },
  { name: 'schoolCode', type: 'text' },
  { name: 'districtOffice', type: 'text' },
  { name: 'officerName', type: 'text' },
  { name: 'officerPhone', type: 'tel' },
  { name: 'correctionEmail', type: 'email' },
  { name: 'rosterSheet', type: 'select' },
  { name: 'headerRow', type: 'number' },
  { name: 'academicYear', type: 'number' },
  { name: 'asOf', type: 'date' },
  { name: 'examEnd', type: 'date' },
];

function renderSettings(errors: Record<string, { th: string; en: string }> = {}): void {
  const form = byId<HTMLFormElement>('settings');
  const settings = state.app?.settings;
  clear(form);
  if (!settings) return;
  const s = t();
  for (const f of FIELDS) {
    const id = `f-${f.name}`;
    const value = String(settings[f.name] ?? '');
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.type === 'select') {
      input = el(
        'select',
        { attrs: { id, name: f.name } },
        el('option', { text: s.activeSheet, attrs: { value: '' } }),
        ...(state.app?.sheets ?? []).map((n) => el('option', { text: n, attrs: { value: n } })),
      );
      input.value = value;
    } else {
      input = el('input', {
        attrs: { id, name: f.name, type: f.type, inputmode: f.type === 'number' ? 'numeric' : 'text' },
      });
      input.value = value;
    }
    const error = errors[f.name];
    if (error) input.setAttribute('aria-invalid', 'true');
    form.append(el('label', { text: s.fields[f.name] ?? f.name, attrs: { for: id } }), input);
    if (error) form.append(el('div', { class: 'field-error', text: error[state.lang], attrs: { 'data-for': f.name } }));
  }
  form.append(el('button', { class: 'primary', text: s.save, attrs: { type: 'submit', id: 'save' } }));
}

function formValues(): Record<string, unknown> {
  const form = byId<HTMLFormElement>('settings');
  const out: Record<string, unknown> = { ...state.app?.settings };
  for (const f of FIELDS) {
    const input = form.elements.namedItem(f.name) as HTMLInputElement | null;
    if (!input) continue;
    const v = input.value.trim();
    out[f.name] = f.type === 'number' ? (v === '' ? 0 : Number(v)) : v;
  }
  out.language = state.lang;
  return out;
}

async function saveSettings(e: Event): Promise<void> {
  e.preventDefault();
  banner(null);
  const outcome = await request(call('saveSettings', formValues()));
  if (!outcome) return;
  if (!outcome.saved) {
    renderSettings(outcome.errors);
    banner(t().fixFields);
    return;
  }
  state.app = { ...state.app!, settings: outcome.settings };
  await load();
  banner(t().saved, true);
}

// ---------------------------------------------------------------- start

async function setLang(lang: Lang): Promise<void> {
  state.lang = lang;
  renderChrome();
  renderResult();
  renderSettings();
  // The choice is kept with the spreadsheet's settings, so notes and the results sheet follow it too.
  if (state.app && state.app.settings.language !== lang) {
    const outcome = await request(call('saveSettings', { ...state.app.settings, language: lang }));
    if (outcome?.saved) state.app.settings = outcome.settings;
  }
}

async function load(): Promise<void> {
  const app = await request(call('getSidebarState'));
  if (!app) return;
  state.app = app;
  state.lang = app.settings.language;
  if (app.notices.length) banner(app.notices.map((n) => n[state.lang]).join(' '));
  renderChrome();
  renderResult();
  renderSettings();
}

function start(): void {
  renderChrome();
  byId('check').addEventListener('click', () => void runCheck());
  byId('clear').addEventListener('click', () => void clearMarks());
  byId('build-form').addEventListener('click', () => void buildForm());
  byId('draft-email').addEventListener('click', () => void draftEmail());
  byId('download-xlsx').addEventListener('click', () => void downloadXlsx());
  byId('lang-th').addEventListener('click', () => void setLang('th'));
  byId('lang-en').addEventListener('click', () => void setLang('en'));
  for (const tab of ['tab-check', 'tab-settings']) {
    byId(tab).addEventListener('click', (e) => {
      state.view = (e.currentTarget as HTMLElement).dataset.view as 'check' | 'settings';
      renderChrome();
    });
  }
  byId('settings').addEventListener('submit', (e) => void saveSettings(e));
  void load();
}

start();
