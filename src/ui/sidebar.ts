/**
 * The sidebar: check, findings grouped by sheet and rule, exam takers, ID correction, settings.
 * Talks to the server only via call().
 */
import { describeRound, PHASE3_REMINDER } from '../core/calendar';
import { describeDates } from '../core/check-date';
import { formatBE, parseDateText, parseIso, toIso } from '../core/dates';
import { GENDER_LABEL, SEVERITY_LABEL } from '../core/labels';
import type { Settings } from '../core/settings';
import { SEVERITIES, type DatesUsed, type Finding, type Lang, type Msg, type Severity } from '../core/types';
import type { CheckData, RuleInfo, SidebarState } from '../server/index';
import { call } from './api';
import { byId, clear, el, setText } from './dom';
import { mountFixes } from './fixes-panel';
import { mountReconcile } from './reconcile-panel';
import { STRINGS } from './i18n';

const PER_GROUP = 100;
/** With this many findings or fewer, every group starts open. */
const OPEN_UP_TO = 30;

/** What a check returns; the workbook fields are optional so an older server still draws. */
type CheckView = CheckData & {
  sheets?: string[];
  skipped?: Array<{ sheet: string; reason: Msg }>;
  dates?: DatesUsed;
};

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

const state = {
  lang: 'th' as Lang,
  view: (document.body.dataset.view === 'settings' ? 'settings' : 'check') as 'check' | 'settings',
  app: null as SidebarState | null,
  result: null as CheckView | null,
  shown: new Set<Severity>(SEVERITIES),
  /** Groups the user opened or closed, by "sheet|rule". */
  toggled: new Map<string, boolean>(),
  /** What the user typed in the settings and has not saved yet. */
  form: null as Record<string, string> | null,
  errors: {} as Record<string, Msg>,
};

const t = () => STRINGS[state.lang];

/** "เทียบกับข้อมูล DMC": the roster beside a DMC download sheet of the same spreadsheet. */
const reconcilePanel = mountReconcile(byId('reconcile'), call, () => state.lang);

/** "แก้ให้อัตโนมัติ": shown after a check; what it fixes or undoes comes back as a new check. */
const fixes = mountFixes(byId('fixes'), call, () => state.lang, {
  onCheck: (data) => {
    state.result = data;
    state.toggled.clear();
    renderResult();
  },
});

function banner(text: string | null, ok = false): void {
  const b = byId('banner');
  b.hidden = !text;
  setText('banner-text', text ?? '');
  b.classList.toggle('ok', ok);
}

/** Calls the server; a refusal or a failed call becomes a message, never a blank sidebar. */
async function ask<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: Msg }>): Promise<Outcome<T>> {
  try {
    const r = await p;
    return r.ok ? { ok: true, data: r.data } : { ok: false, message: r.error[state.lang] };
  } catch {
    return { ok: false, message: t().failed };
  }
}

/** ask(), with a failure shown in the banner. */
async function request<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: Msg }>): Promise<T | null> {
  const r = await ask(p);
  if (r.ok) return r.data;
  banner(r.message);
  return null;
}

// ---------------------------------------------------------------- header and chrome

function renderChrome(): void {
  const s = t();
  document.documentElement.lang = state.lang;
  document.title = s.appName;
  document.body.dataset.view = state.view;
  byId('lang-th').setAttribute('aria-pressed', String(state.lang === 'th'));
  byId('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
  byId('views').setAttribute('aria-label', s.views);
  for (const view of ['check', 'settings'] as const) {
    const tab = setText(`tab-${view}`, view === 'check' ? s.tabCheck : s.tabSettings);
    tab.setAttribute('aria-selected', String(state.view === view));
    byId(`view-${view}`).hidden = state.view !== view;
  }
  setText('intro', s.intro);
  setText('reminder-title', s.reminder);
  const app = state.app;
  const settings = app?.settings;
  const school = settings?.schoolName
    ? `${settings.schoolName}${settings.schoolCode ? ` (${settings.schoolCode})` : ''}`
    : s.appName;
  setText('school', school);
  const noSchool = byId('no-school');
  noSchool.hidden = !app || !!settings?.schoolName;
  setText('no-school', s.noSchool);
  if (app) {
    const r = describeRound(app.round, state.lang);
    setText('round-title', r.title);
    setText('round-countdown', r.countdown);
    const confirm = setText('confirm-open', s.confirmOpen);
    confirm.hidden = !app.round.confirmOpen;
    const reminder = byId<HTMLDetailsElement>('reminder');
    if (reminder.hidden && app.round.phase3) reminder.open = true;
    reminder.hidden = !app.round.phase3;
    const list = byId('reminder-list');
    clear(list);
    for (const m of PHASE3_REMINDER) list.append(el('li', { text: m[state.lang] }));
  }
  renderCheckButton(false);
  setText('clear', s.clear);
  setText('correction-title', s.correctionTitle);
  setText('correction-help', s.correctionHelp);
  setText('build-form', s.buildForm);
  setText('draft-email', s.draftEmail);
  setText('download-xlsx', s.downloadXlsx);
}

function renderCheckButton(busy: boolean): void {
  const b = byId<HTMLButtonElement>('check');
  b.disabled = busy;
  setText('check', busy ? t().checking : t().check);
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
  setText('result-title', s.findings);
  const sheets = data.sheets ?? [data.sheet];
  setText(
    'checked-sheet',
    sheets.length > 1
      ? s.sheetsChecked(sheets.length, data.summary.students)
      : s.sheetChecked(sheets[0] ?? data.sheet, data.summary.students),
  );
  const dates = data.dates ?? data.summary.dates;
  const datesLine = setText('dates', dates ? describeDates(dates, state.lang) : '');
  datesLine.hidden = !dates;
  const skipped = data.skipped ?? [];
  const skippedLine = setText(
    'skipped',
    `${s.skipped} ${skipped.map((x) => `"${x.sheet}": ${x.reason[state.lang]}`).join('; ')}`,
  );
  skippedLine.hidden = skipped.length === 0;

  const counts = byId('counts');
  clear(counts);
  for (const sev of SEVERITIES) {
    const label = SEVERITY_LABEL[sev][state.lang];
    counts.append(
      el(
        'button',
        {
          class: `count ${sev}`,
          attrs: {
            type: 'button',
            'aria-pressed': String(state.shown.has(sev)),
            'data-severity': sev,
            title: s.filter(label),
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
        el('span', { text: label }),
      ),
    );
  }
  byId('clean').hidden = data.totalFindings > 0;
  setText('clean', s.clean);
  const trunc = setText('truncated', s.truncated(data.findings.length, data.totalFindings));
  trunc.hidden = data.findings.length >= data.totalFindings;

  renderGroups(data);
  renderTakers(data);
}

/** Rule groups of some findings: errors first, then warnings, then info; within a severity, catalogue order. */
function ruleGroups(data: CheckView, sheet: string | null, list: Finding[], open: boolean): HTMLElement[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of list) {
    const l = byRule.get(f.rule);
    if (l) l.push(f);
    else byRule.set(f.rule, [f]);
  }
  const order = state.app?.rules.map((r) => r.id) ?? [];
  const rank = (id: string) => SEVERITIES.indexOf(byRule.get(id)![0]!.severity) * 1000 + order.indexOf(id);
  const many = (data.sheets?.length ?? 1) > 1;
  return [...byRule.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((id) => {
      const findings = byRule.get(id)!;
      const rule = ruleOf(id);
      const severity = findings[0]!.severity;
      // The summary counts a rule over every sheet; one sheet's group counts its own.
      const total = many ? findings.length : (data.summary.byRule[id] ?? findings.length);
      const key = `${sheet ?? ''}|${id}`;
      const details = el(
        'details',
        { class: `group ${severity}`, attrs: { 'data-rule': id, ...(sheet ? { 'data-sheet': sheet } : {}) } },
        el('summary', { attrs: { title: `${t().ruleId}: ${id}` } }, `${rule?.about[state.lang] ?? id} (${total})`),
        el('code', { class: 'rule-id', text: id }),
        el(
          'ol',
          {},
          ...findings.slice(0, PER_GROUP).map((f) => {
            const where = f.sheet ?? sheet ?? data.sheet;
            return el(
              'li',
              {},
              f.cell
                ? el('button', {
                    class: 'finding',
                    text: f.cell,
                    attrs: {
                      type: 'button',
                      'data-cell': f.cell,
                      'data-sheet': where,
                      'aria-label': t().goTo(f.cell, where),
                      title: t().goTo(f.cell, where),
                    },
                    on: { click: () => void goTo(where, f.cell!) },
                  })
                : null,
              el('span', { text: f.message[state.lang] }),
            );
          }),
        ),
        findings.length > PER_GROUP ? el('p', { class: 'muted', text: t().moreInSheet(total - PER_GROUP) }) : null,
      );
      details.open = state.toggled.get(key) ?? open;
      details.addEventListener('toggle', () => state.toggled.set(key, details.open));
      return details;
    });
}

function renderGroups(data: CheckView): void {
  const box = byId('groups');
  clear(box);
  const shown = data.findings.filter((f) => state.shown.has(f.severity));
  const none = byId('none-shown');
  none.hidden = shown.length > 0 || data.totalFindings === 0;
  setText('none-shown', t().noneShown);
  const open = shown.length <= OPEN_UP_TO;
  const sheets = data.sheets ?? [data.sheet];
  if (sheets.length <= 1) {
    box.append(...ruleGroups(data, null, shown, open));
    return;
  }
  // A workbook: one section per sheet (workbook-wide findings first), each grouped by rule.
  const bySheet = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = f.sheet ?? '';
    const l = bySheet.get(key);
    if (l) l.push(f);
    else bySheet.set(key, [f]);
  }
  for (const sheet of ['', ...sheets]) {
    const list = bySheet.get(sheet);
    if (!list) continue;
    const title = sheet ? t().sheetFindings(sheet, list.length) : `${t().wholeBook} · ${list.length}`;
    box.append(
      el(
        'section',
        { class: 'sheet-group', attrs: { 'data-sheet': sheet } },
        el('h3', { text: title }),
        ...ruleGroups(data, sheet || null, list, open),
      ),
    );
  }
}

function renderTakers(data: CheckView): void {
  const s = t();
  const box = byId('takers');
  clear(box);
  setText('takers-title', s.takers);
  const x = data.summary.examTakers;
  if (!x.hasExamColumn) {
    box.append(el('p', { class: 'muted', text: s.noExam }));
    return;
  }
  const g = GENDER_LABEL;
  const row = (cells: Array<string | number>, cls = '') =>
    el(
      'tr',
      { class: cls },
      ...cells.map((c, i) =>
        i === 0 ? el('th', { text: String(c), attrs: { scope: 'row' } }) : el('td', { text: String(c) }),
      ),
    );
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
          ...[s.grade, g.male[state.lang], g.female[state.lang], g.total[state.lang]].map((h) =>
            el('th', { text: h, attrs: { scope: 'col' } }),
          ),
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
  const data = (await request(call('checkRoster'))) as CheckView | null;
  renderCheckButton(false);
  if (!data) return;
  state.result = data;
  state.toggled.clear();
  if (data.notices.length) banner(data.notices.map((n) => n[state.lang]).join(' '));
  renderResult();
  void fixes.refresh();
}

async function clearMarks(): Promise<void> {
  banner(null);
  const b = byId<HTMLButtonElement>('clear');
  b.disabled = true;
  setText('clear', t().clearing);
  const msg = await request(call('clearMarks'));
  b.disabled = false;
  setText('clear', t().clear);
  if (msg) {
    banner(msg[state.lang], true);
    state.result = null;
    renderResult();
    reconcilePanel.hide();
  }
}

// ---------------------------------------------------------------- ID correction

/** The outcome of a correction action, beside its buttons where the user is looking. */
function status(bad: boolean, ...children: Array<Node | string>): void {
  const box = byId('correction-status');
  clear(box);
  const node = el('div', { class: `status${bad ? ' bad' : ''}`, attrs: bad ? { role: 'alert' } : {} }, ...children);
  box.append(node);
  node.scrollIntoView({ block: 'nearest' });
}

/** Runs one of the correction actions with its button showing that it works; a failure is said beside it. */
async function busy<T>(id: string, label: string, work: () => Promise<Outcome<T>>): Promise<T | null> {
  banner(null);
  clear(byId('correction-status'));
  const b = byId<HTMLButtonElement>(id);
  b.disabled = true;
  setText(id, t().working);
  try {
    const r = await work();
    if (r.ok) return r.data;
    status(true, el('div', { text: r.message }));
    return null;
  } finally {
    b.disabled = false;
    setText(id, label);
  }
}

async function buildForm(): Promise<void> {
  const data = await busy('build-form', t().buildForm, () => ask(call('buildCorrectionForm')));
  if (!data) return;
  const s = t();
  const from = data.rosters ?? [];
  status(
    data.problems.length > 0,
    el('div', { text: data.rows ? s.formBuilt(data.sheet, data.rows) : s.formEmpty }),
    from.length ? el('div', { class: 'muted', text: s.formFrom(from.map((n) => `"${n}"`).join(', ')) }) : '',
    data.template ? el('div', { text: s.formTemplate }) : '',
    data.problems.length ? el('div', { text: s.formTodo }) : '',
    data.problems.length
      ? el('ul', {}, ...data.problems.map((p) => el('li', { text: `${p.no}. ${p.name}: ${p.message[state.lang]}` })))
      : '',
  );
}

async function draftEmail(): Promise<void> {
  const data = await busy('draft-email', t().draftEmail, () => ask(call('draftCorrectionEmail')));
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
  const data = await busy('download-xlsx', t().downloadXlsx, () => ask(call('downloadCorrectionXlsx')));
  if (!data) return;
  try {
    const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const a = el('a', { attrs: { href: url, download: data.filename } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch {
    status(true, el('div', { text: t().downloadFailed }));
    return;
  }
  status(false, el('div', { text: t().downloaded(data.filename), attrs: { id: 'download-done' } }));
}

// ---------------------------------------------------------------- settings

type FieldSpec = {
  name: keyof Settings;
  type: 'text' | 'number' | 'date' | 'email' | 'tel' | 'scope' | 'sheet' | 'dmcSheet';
  autocomplete?: string;
};
const FIELDS: FieldSpec[] = [
  { name: 'schoolName', type: 'text', autocomplete: 'organization' },
  { name: 'schoolCode', type: 'text' },
  { name: 'districtOffice', type: 'text' },
  { name: 'officerName', type: 'text', autocomplete: 'name' },
  { name: 'officerPhone', type: 'tel', autocomplete: 'tel' },
  { name: 'correctionEmail', type: 'email', autocomplete: 'off' },
  { name: 'sheetScope', type: 'scope' },
  { name: 'rosterSheet', type: 'sheet' },
  { name: 'dmcSheet', type: 'dmcSheet' },
  { name: 'headerRow', type: 'number' },
  { name: 'academicYear', type: 'number' },
  { name: 'asOf', type: 'date' },
  { name: 'examEnd', type: 'date' },
];
const SCOPES = ['auto', 'open', 'named', 'all'] as const;

/** A settings date (ISO, CE) as the user reads it: dd/mm/BBBB. */
function dateForUser(iso: string): string {
  const d = parseIso(iso);
  return d ? formatBE(d) : iso;
}

/** What the user typed as a date — dd/mm/BBBB, dd/mm/YYYY (CE) or YYYY-MM-DD — as the ISO CE the settings keep. */
function dateFromUser(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const d = parseDateText(s);
  return d.ok ? toIso(d.date) : null;
}

function storedValues(settings: Settings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = String(settings[f.name] ?? '');
    out[f.name] = f.type === 'date' ? dateForUser(v) : v;
  }
  return out;
}

/** Reads what is typed into state.form, so no re-render loses it. */
function captureForm(): void {
  const form = byId<HTMLFormElement>('settings');
  if (!form.elements.length) return;
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const input = form.elements.namedItem(f.name) as HTMLInputElement | HTMLSelectElement | null;
    if (input) out[f.name] = input.value;
  }
  state.form = out;
}

function renderSettings(): void {
  const form = byId<HTMLFormElement>('settings');
  const settings = state.app?.settings;
  clear(form);
  if (!settings) return;
  const s = t();
  const values = state.form ?? storedValues(settings);
  for (const f of FIELDS) {
    const id = `f-${f.name}`;
    const value = values[f.name] ?? '';
    const error = state.errors[f.name];
    const describedBy: string[] = [];
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.type === 'scope') {
      input = el(
        'select',
        { attrs: { id, name: f.name } },
        ...SCOPES.map((scope) => el('option', { text: s.scope[scope], attrs: { value: scope } })),
      );
      input.addEventListener('change', () => {
        captureForm();
        renderSettings();
        byId(id).focus();
      });
    } else if (f.type === 'sheet' || f.type === 'dmcSheet') {
      const sheets = state.app?.sheets ?? [];
      input = el(
        'select',
        { attrs: { id, name: f.name } },
        el('option', { text: f.type === 'sheet' ? s.activeSheet : s.dmcAuto, attrs: { value: '' } }),
        ...[...new Set([...sheets, ...(value && !sheets.includes(value) ? [value] : [])])].map((n) =>
          el('option', { text: n, attrs: { value: n } }),
        ),
      );
      // The roster sheet is asked for only when the scope says "the sheet chosen below".
      if (f.type === 'sheet' && (values.sheetScope ?? 'auto') !== 'named') input.disabled = true;
    } else {
      input = el('input', {
        attrs: {
          id,
          name: f.name,
          type: f.type === 'date' || f.type === 'number' ? 'text' : f.type,
          inputmode:
            f.type === 'number' ? 'numeric' : f.type === 'date' ? 'numeric' : f.type === 'tel' ? 'tel' : 'text',
          autocomplete: f.autocomplete ?? 'off',
        },
      });
    }
    input.value = value;
    form.append(el('label', { text: s.fields[f.name] ?? f.name, attrs: { for: id } }), input);
    const help =
      f.type === 'date'
        ? s.dateHint
        : f.type === 'scope'
          ? s.scopeHelp[(value || 'auto') as (typeof SCOPES)[number]]
          : f.type === 'dmcSheet'
            ? s.dmcSheetHint
            : '';
    if (help) {
      const hint = el('div', { class: 'hint', text: help, attrs: { id: `${id}-hint` } });
      describedBy.push(hint.id);
      form.append(hint);
    }
    if (error) {
      input.setAttribute('aria-invalid', 'true');
      const e = el('div', {
        class: 'field-error',
        text: error[state.lang],
        attrs: { 'data-for': f.name, id: `${id}-error` },
      });
      describedBy.push(e.id);
      form.append(e);
    }
    if (describedBy.length) input.setAttribute('aria-describedby', describedBy.join(' '));
  }
  form.append(el('button', { class: 'primary', text: s.save, attrs: { type: 'submit', id: 'save' } }));
}

/** The typed values as settings; dates the user wrote that are no dates come back as field errors. */
function formSettings(): { values: Record<string, unknown>; errors: Record<string, Msg> } {
  const typed = state.form ?? {};
  const values: Record<string, unknown> = { ...state.app?.settings };
  const errors: Record<string, Msg> = {};
  for (const f of FIELDS) {
    const v = (typed[f.name] ?? '').trim();
    if (f.type === 'number') values[f.name] = v === '' ? 0 : Number(v);
    else if (f.type === 'date') {
      const iso = dateFromUser(v);
      if (iso === null) errors[f.name] = { th: STRINGS.th.badDate, en: STRINGS.en.badDate };
      else values[f.name] = iso;
    } else values[f.name] = v;
  }
  values.language = state.lang;
  return { values, errors };
}

async function saveSettings(e: Event): Promise<void> {
  e.preventDefault();
  banner(null);
  captureForm();
  const { values, errors } = formSettings();
  if (Object.keys(errors).length) return refuse(errors);
  const outcome = await request(call('saveSettings', values));
  if (!outcome) return;
  if (!outcome.saved) return refuse(outcome.errors);
  state.form = null;
  state.errors = {};
  state.app = { ...state.app!, settings: outcome.settings };
  await load();
  banner(t().saved, true);
}

/** Keeps every typed value, marks only the fields at fault, and takes the user to the first. */
function refuse(errors: Record<string, Msg>): void {
  state.errors = errors;
  renderSettings();
  banner(t().fixFields);
  const first = FIELDS.find((f) => errors[f.name]);
  if (first) byId(`f-${first.name}`).focus();
}

// ---------------------------------------------------------------- start

async function setLang(lang: Lang): Promise<void> {
  captureForm();
  state.lang = lang;
  renderChrome();
  renderResult();
  renderSettings();
  fixes.setLang(lang);
  reconcilePanel.setLang(lang);
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
