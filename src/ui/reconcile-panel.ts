/**
 * The sidebar's "เทียบกับข้อมูล DMC" section (issue 13), self-contained: one button that compares the roster
 * with the DMC download sheet, the four counts, the findings grouped by rule, each jumping to its cell on
 * the roster or the download, and DMC's exam takers by grade × gender beside the roster's. Text only through
 * text nodes; native buttons, details elements and tables throughout.
 */
import { GENDER_LABEL } from '../core/labels';
import type { ExamTable } from '../core/reconcile';
import type { Finding, GradeCount, Lang, Msg, Severity } from '../core/types';
import { ALL_GRADES } from '../core/vocab';
import type { ReconcileData } from '../server/index';
import type { call } from './api';
import { clear, el } from './dom';

type Api = typeof call;

/** Findings listed per group; the results sheet lists them all. */
const PER_GROUP = 100;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const th = {
  title: 'เทียบกับข้อมูล DMC',
  help: 'ดาวน์โหลดรายชื่อนักเรียนจาก DMC แล้วนำเข้าเป็นแผ่นงานใหม่ในไฟล์นี้ (ไฟล์ › นำเข้า › แทรกแผ่นงานใหม่) จากนั้นกดปุ่มนี้ เพื่อดูว่าใครไม่มีในฝั่งใด ใครเลขประจำตัวประชาชนหรือข้อมูลไม่ตรงกัน',
  run: 'เทียบกับข้อมูล DMC',
  running: 'กำลังเทียบ…',
  compared: (dmc: string, sheets: string[]) => `เทียบแผ่นงาน "${dmc}" (DMC) กับ ${sheets.map((s) => `"${s}"`).join(', ')}`,
  matched: 'ตรงกัน',
  notInDmc: 'ไม่มีใน DMC',
  notInRoster: 'ไม่มีในรายชื่อ',
  differing: 'ข้อมูลต่างกัน',
  matchedHow: (id: number, nameDob: number, fuzzy: number) =>
    `ตรงกันด้วยเลขประจำตัวประชาชน ${id} · ชื่อและวันเกิด ${nameDob} · ชื่อหรือวันเกิดพิมพ์ต่างเล็กน้อย ${fuzzy}`,
  clean: 'รายชื่อตรงกับข้อมูล DMC ทุกคน',
  truncated: (shown: number, total: number) => `แสดง ${shown} จาก ${total} รายการ — ดูทั้งหมดในแผ่นงาน "ผลการตรวจ"`,
  more: (n: number) => `และอีก ${n} รายการในแผ่นงาน "ผลการตรวจ"`,
  goTo: (cell: string, sheet: string) => `ไปที่เซลล์ ${cell} ในแผ่นงาน ${sheet}`,
  ruleId: 'รหัสกฎ',
  failed: 'ติดต่อ Google Sheets ไม่สำเร็จ — ลองใหม่อีกครั้ง',
  takers: 'ผู้เข้าสอบปลายภาค ตามชั้นและเพศ: ในรายชื่อกับใน DMC',
  grade: 'ชั้น',
  side: 'ข้อมูล',
  roster: 'รายชื่อ',
  dmc: 'DMC',
  differs: (roster: number) => `ไม่เท่ากับในรายชื่อ ซึ่งมี ${roster}`,
  takersDiffer: '≠ คือจำนวนใน DMC ไม่เท่ากับในรายชื่อ',
  takersAgree: 'จำนวนในรายชื่อกับใน DMC เท่ากันทุกชั้น',
  presentBasis: {
    roster: 'รายชื่อไม่มีคอลัมน์สอบปลายภาค จึงนับนักเรียนที่ยังเรียนอยู่แทน',
    dmc: 'ข้อมูล DMC ไม่มีคอลัมน์สอบปลายภาค จึงนับนักเรียนที่ยังเรียนอยู่แทน',
    both: 'รายชื่อและข้อมูล DMC ไม่มีคอลัมน์สอบปลายภาค จึงนับนักเรียนที่ยังเรียนอยู่แทน',
  },
  noTakers: 'ไม่มีผู้เข้าสอบให้นับทั้งสองฝั่ง',
};
type Strings = typeof th;
const en: Strings = {
  title: 'Compare with DMC',
  help: 'Download the student list from DMC and import it into this spreadsheet as a new sheet (File › Import › Insert new sheet), then press this button to see who is missing on either side and whose citizen ID or details differ',
  run: 'Compare with the DMC download',
  running: 'Comparing…',
  compared: (dmc, sheets) => `Compared "${dmc}" (DMC) with ${sheets.map((s) => `"${s}"`).join(', ')}`,
  matched: 'Matched',
  notInDmc: 'Not in DMC',
  notInRoster: 'Not in the roster',
  differing: 'Differing fields',
  matchedHow: (id, nameDob, fuzzy) =>
    `Matched by citizen ID ${id} · by name and birth date ${nameDob} · by a small typing slip ${fuzzy}`,
  clean: 'The roster and the DMC download agree on every student',
  truncated: (shown, total) => `Showing ${shown} of ${total} — the "ผลการตรวจ" sheet lists them all`,
  more: (n) => `and ${n} more on the "ผลการตรวจ" sheet`,
  goTo: (cell, sheet) => `Go to cell ${cell} on sheet ${sheet}`,
  ruleId: 'Rule',
  failed: 'Could not reach Google Sheets — try again',
  takers: 'Final-exam takers by grade and gender: roster and DMC',
  grade: 'Grade',
  side: 'Source',
  roster: 'Roster',
  dmc: 'DMC',
  differs: (roster) => `unlike the roster's ${roster}`,
  takersDiffer: '≠ marks a DMC count that differs from the roster',
  takersAgree: 'The roster and DMC agree in every grade',
  presentBasis: {
    roster: 'The roster has no final-exam column: present students are counted instead',
    dmc: 'The DMC download has no final-exam column: present students are counted instead',
    both: 'Neither the roster nor the DMC download has a final-exam column: present students are counted instead',
  },
  noTakers: 'No exam takers to count on either side',
};
const STRINGS: Record<Lang, Strings> = { th, en };

const STYLE = `
.reconcile-panel { margin-top: 16px; border-top: 1px solid var(--line, #dadce0); }
.reconcile-panel .rc-takers { width: 100%; border-collapse: collapse; font-size: 13px; margin: 12px 0 4px; }
.reconcile-panel .rc-takers caption { text-align: left; font-weight: 700; padding-bottom: 4px; }
.reconcile-panel .rc-takers th, .reconcile-panel .rc-takers td { padding: 1px 4px; text-align: right; white-space: nowrap; border: 0; }
.reconcile-panel .rc-takers thead th { border-bottom: 1px solid #80868b; font-weight: 700; }
.reconcile-panel .rc-takers thead th:nth-child(-n + 2) { text-align: left; }
.reconcile-panel .rc-takers th[scope="rowgroup"], .reconcile-panel .rc-takers th[scope="row"] { text-align: left; font-weight: 400; }
.reconcile-panel .rc-takers tbody tr:last-child > * { border-bottom: 1px solid var(--line, #dadce0); }
.reconcile-panel .rc-takers tbody th[scope="rowgroup"] { border-bottom: 1px solid var(--line, #dadce0); vertical-align: top; font-weight: 700; }
.reconcile-panel .rc-takers tr[data-side="dmc"] > * { color: #3c4043; }
.reconcile-panel .rc-takers td.rc-diff { font-weight: 700; color: #8a5a00; background: #fce8b2; }
.reconcile-panel .rc-takers .rc-total > tr > * { font-weight: 700; }
.reconcile-panel .rc-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.reconcile-panel .rc-counts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px; margin: 8px 0; }
.reconcile-panel .rc-count { border: 1px solid var(--line, #dadce0); border-radius: 4px; padding: 4px; text-align: center; }
.reconcile-panel .rc-count b { display: block; font-size: 18px; }
.reconcile-panel .rc-count span { font-size: 12px; }
.reconcile-panel .rc-status.bad { color: #c5221f; }
.reconcile-panel ol { padding-left: 0; list-style: none; }
.reconcile-panel li { overflow-wrap: anywhere; }
`;

function addStyle(): void {
  if (document.getElementById('reconcile-panel-style')) return;
  const style = document.createElement('style');
  style.id = 'reconcile-panel-style';
  style.textContent = STYLE;
  document.head.append(style);
}

export interface ReconcilePanel {
  /** Redraws in another language. */
  setLang(lang: Lang): void;
  /** Forgets the result (e.g. after marks are cleared); the button stays. */
  hide(): void;
}

export interface ReconcileOptions {
  /** Called with each reconciliation's data (the sidebar may refresh what else it shows). */
  onDone?: (data: ReconcileData) => void;
}

/** Mounts the section into `container` (an empty element of the check view). */
export function mountReconcile(
  container: HTMLElement,
  api: Api,
  lang: Lang | (() => Lang),
  options: ReconcileOptions = {},
): ReconcilePanel {
  addStyle();
  let current: Lang = typeof lang === 'function' ? lang() : lang;
  const now = (): Lang => (typeof lang === 'function' ? lang() : current);
  const t = () => STRINGS[now()];
  const say = (m: Msg) => m[now()];
  const state = {
    data: null as ReconcileData | null,
    busy: false,
    status: null as { bad: boolean; lines: string[] } | null,
    /** Groups the user opened or closed, by rule. */
    toggled: new Map<string, boolean>(),
  };
  container.classList.add('reconcile-panel');
  container.setAttribute('aria-labelledby', 'rc-title');

  async function goTo(sheet: string, cell: string): Promise<void> {
    try {
      const r = await api('activateCell', sheet, cell);
      if (!r.ok) state.status = { bad: true, lines: [say(r.error)] };
      else return;
    } catch {
      state.status = { bad: true, lines: [t().failed] };
    }
    render();
  }

  async function run(): Promise<void> {
    if (state.busy) return;
    state.busy = true;
    state.status = null;
    render();
    try {
      const r = await api('reconcileWithDmc');
      if (r.ok) {
        state.data = r.data;
        state.toggled.clear();
        state.status = r.data.notices.length ? { bad: false, lines: r.data.notices.map(say) } : null;
        options.onDone?.(r.data);
      } else state.status = { bad: true, lines: [say(r.error)] };
    } catch {
      state.status = { bad: true, lines: [t().failed] };
    }
    state.busy = false;
    render();
    (container.querySelector('#rc-run') as HTMLElement | null)?.focus();
  }

  function counts(d: ReconcileData): HTMLElement {
    const s = d.summary;
    const m = s.matched;
    const items: Array<[string, number, string]> = [
      ['matched', m.id + m.nameDob + m.fuzzy, t().matched],
      ['not-in-dmc', s.notInDmc, t().notInDmc],
      ['not-in-roster', s.notInRoster, t().notInRoster],
      ['differing', s.differingFields, t().differing],
    ];
    return el(
      'div',
      { class: 'rc-counts' },
      ...items.map(([key, n, label]) =>
        el(
          'div',
          { class: 'rc-count', attrs: { 'data-count': key } },
          el('b', { text: String(n) }),
          el('span', { text: label }),
        ),
      ),
    );
  }

  function findingItem(d: ReconcileData, f: Finding): HTMLElement {
    const sheet = f.sheet ?? d.sheets[0] ?? '';
    const label =
      sheet === d.dmcSheet ? `DMC ${f.cell ?? ''}` : d.sheets.length > 1 ? `${sheet}!${f.cell ?? ''}` : (f.cell ?? '');
    return el(
      'li',
      {},
      f.cell
        ? el('button', {
            class: 'finding',
            text: label,
            attrs: {
              type: 'button',
              'data-cell': f.cell,
              'data-sheet': sheet,
              'aria-label': t().goTo(f.cell, sheet),
              title: t().goTo(f.cell, sheet),
            },
            on: { click: () => void goTo(sheet, f.cell!) },
          })
        : null,
      el('span', { text: say(f.message) }),
    );
  }

  function groups(d: ReconcileData): HTMLElement[] {
    const byRule = new Map<string, Finding[]>();
    for (const f of d.findings) {
      const l = byRule.get(f.rule);
      if (l) l.push(f);
      else byRule.set(f.rule, [f]);
    }
    const order = d.rules.map((r) => r.id);
    // Errors first; within a severity, the catalogue's order (dmc.not-in-dmc has both severities).
    const worst = (id: string) => Math.min(...byRule.get(id)!.map((f) => SEVERITIES.indexOf(f.severity)));
    const rank = (id: string) => worst(id) * 1000 + order.indexOf(id);
    return [...byRule.keys()]
      .sort((a, b) => rank(a) - rank(b))
      .map((id) => {
        const list = byRule.get(id)!;
        const about = d.rules.find((r) => r.id === id)?.about;
        const total = d.summary.byRule[id] ?? list.length;
        const details = el(
          'details',
          { class: `group ${SEVERITIES[worst(id)]}`, attrs: { 'data-rule': id } },
          el('summary', { attrs: { title: `${t().ruleId}: ${id}` } }, `${about ? say(about) : id} (${total})`),
          el('code', { class: 'rule-id', text: id }),
          el('ol', {}, ...list.slice(0, PER_GROUP).map((f) => findingItem(d, f))),
          total > PER_GROUP ? el('p', { class: 'muted', text: t().more(total - PER_GROUP) }) : null,
        );
        details.open = state.toggled.get(id) ?? d.findings.length <= 20;
        details.addEventListener('toggle', () => state.toggled.set(id, details.open));
        return details;
      });
  }

  /**
   * DMC's exam takers beside the roster's: per grade a roster row and a DMC row (ชาย หญิง รวม), five
   * columns so the numbers fit 300 px in either language; a DMC count unlike the roster's is marked ≠ (and
   * said to a screen reader), not only coloured.
   */
  function takers(d: ReconcileData): HTMLElement[] {
    const s = t();
    const lang = now();
    const { roster, dmc } = d.summary.examTakers;
    const has = (x: ExamTable, g: string) => x.byGrade.some((c) => c.grade === g);
    const listed = new Set([...roster.byGrade, ...dmc.byGrade].map((c) => c.grade));
    // Grades in school order; a label the catalogue does not know (none today) after them.
    const grades = [
      ...ALL_GRADES.filter((g) => has(roster, g) || has(dmc, g)),
      ...[...listed].filter((g) => !ALL_GRADES.includes(g)),
    ];
    const count = (x: ExamTable, g: string): GradeCount =>
      x.byGrade.find((c) => c.grade === g) ?? { grade: g, male: 0, female: 0, unknown: 0, total: 0 };
    const keys = ['male', 'female', 'total'] as const;
    let differing = 0;
    const cells = (c: GradeCount, other: GradeCount | null) =>
      keys.map((k) => {
        if (!other || c[k] === other[k]) return el('td', { text: String(c[k]), attrs: { 'data-key': k } });
        differing++;
        return el(
          'td',
          { class: 'rc-diff', attrs: { 'data-key': k, 'data-differs': 'true' } },
          el('span', { text: '≠ ', attrs: { 'aria-hidden': 'true' } }),
          String(c[k]),
          el('span', { class: 'rc-sr', text: ` (${s.differs(other[k])})` }),
        );
      });
    const group = (label: string, a: GradeCount, b: GradeCount, total = false) =>
      el(
        'tbody',
        { class: total ? 'rc-total' : '', attrs: { 'data-grade': label } },
        el(
          'tr',
          { attrs: { 'data-side': 'roster' } },
          el('th', { text: label, attrs: { scope: 'rowgroup', rowspan: '2' } }),
          el('th', { text: s.roster, attrs: { scope: 'row' } }),
          ...cells(a, null),
        ),
        el('tr', { attrs: { 'data-side': 'dmc' } }, el('th', { text: s.dmc, attrs: { scope: 'row' } }), ...cells(b, a)),
      );
    const notes: string[] = [];
    const present = [roster.basis === 'present', dmc.basis === 'present'];
    if (present[0] && present[1]) notes.push(s.presentBasis.both);
    else if (present[0]) notes.push(s.presentBasis.roster);
    else if (present[1]) notes.push(s.presentBasis.dmc);
    if (grades.length === 0) return [el('p', { class: 'muted rc-takers-note', text: s.noTakers })];
    const table = el(
      'table',
      { class: 'rc-takers', attrs: { id: 'rc-takers' } },
      el('caption', { text: s.takers }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[s.grade, s.side, ...keys.map((k) => GENDER_LABEL[k][lang])].map((h) =>
            el('th', { text: h, attrs: { scope: 'col' } }),
          ),
        ),
      ),
      ...grades.map((g) => group(g, count(roster, g), count(dmc, g))),
      group(GENDER_LABEL.total[lang], roster.total, dmc.total, true),
    );
    notes.unshift(differing ? s.takersDiffer : s.takersAgree);
    return [table, ...notes.map((n) => el('p', { class: 'muted rc-takers-note', text: n }))];
  }

  function render(): void {
    const s = t();
    const d = state.data;
    clear(container);
    container.append(
      el('h2', { text: s.title, attrs: { id: 'rc-title' } }),
      el('p', { class: 'muted', text: s.help }),
      el('button', {
        class: 'secondary',
        text: state.busy ? s.running : s.run,
        attrs: {
          type: 'button',
          id: 'rc-run',
          'aria-busy': String(state.busy),
          ...(state.busy ? { disabled: '' } : {}),
        },
        on: { click: () => void run() },
      }),
      el(
        'div',
        { class: `rc-status${state.status?.bad ? ' bad' : ''}`, attrs: { 'aria-live': 'polite', id: 'rc-status' } },
        ...(state.status?.lines ?? []).map((line) => el('p', { text: line })),
      ),
    );
    if (!d) return;
    const m = d.summary.matched;
    container.append(
      el(
        'div',
        { class: 'rc-result' },
        el('p', { class: 'muted', text: s.compared(d.dmcSheet, d.sheets) }),
        counts(d),
        el('p', { class: 'muted', text: s.matchedHow(m.id, m.nameDob, m.fuzzy) }),
        d.totalFindings === 0 ? el('p', { class: 'clean', text: s.clean }) : null,
        d.findings.length < d.totalFindings
          ? el('p', { class: 'muted', text: s.truncated(d.findings.length, d.totalFindings) })
          : null,
        el('div', { class: 'rc-groups' }, ...groups(d)),
        ...takers(d),
      ),
    );
  }

  render();
  return {
    setLang(next: Lang) {
      current = next;
      render();
    },
    hide() {
      state.data = null;
      state.status = null;
      render();
    },
  };
}
