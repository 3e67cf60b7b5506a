/**
 * The sidebar's "fix it for me" section (issue 14), self-contained: after a check it shows what can be fixed
 * automatically, grouped by kind with a tick box per kind and per cell (a switch for prefix words), applies
 * the selection, shows what changed, and undoes. Text only through text nodes; every control is a native
 * button, tick box or details element, so it works from the keyboard.
 */
import type { Lang, Msg } from '../core/types';
import type { CheckData, FixApplied, FixItem, FixKind, FixPreview, FixSelection, FixUndone } from '../server/index';
import type { call } from './api';
import { clear, el } from './dom';

type Api = typeof call;
type Reply<T> = { ok: true; data: T } | { ok: false; error: Msg };

/** Every kind in the order the preview lists them: core's FIX_KINDS, copied so the sidebar bundles no planner (a test keeps them equal). */
export const ALL_KINDS: readonly FixKind[] = [
  'spaces',
  'sara-e',
  'sara-am',
  'thai-digits',
  'cid-separators',
  'cid-leading-zero',
  'cid-as-text',
  'prefix-word',
  'height-metres',
  'weight-grams',
];

const th = {
  title: (n: number) => `แก้ให้อัตโนมัติได้ ${n} รายการ`,
  none: 'ไม่มีรายการที่แก้ให้อัตโนมัติได้',
  help: 'ดูตัวอย่าง ติ๊กเลือกสิ่งที่จะแก้ แล้วกด "แก้ตามที่เลือก" — กด "ย้อนการแก้" เพื่อคืนค่าเดิมได้ทุกเมื่อ',
  loading: 'กำลังหารายการที่แก้ได้…',
  apply: (n: number) => `แก้ตามที่เลือก (${n})`,
  applying: 'กำลังแก้…',
  undo: (n: number) => `ย้อนการแก้ (${n} เซลล์)`,
  undoing: 'กำลังย้อน…',
  show: (n: number) => `แสดง ${n} เซลล์`,
  more: (n: number) => `และอีก ${n} เซลล์ ซึ่งจะแก้ด้วยเมื่อเลือกประเภทนี้`,
  prefixWords: 'เปลี่ยนคำนำหน้าย่อเป็นคำเต็ม (ด.ช. → เด็กชาย)',
  on: 'เปิด',
  off: 'ปิด',
  number: 'ตัวเลข',
  text: 'ข้อความ',
  also: 'พร้อมกับ',
  changes: (n: number) => `ดูเซลล์ที่แก้ (${n})`,
  goTo: (where: string) => `ไปที่เซลล์ ${where}`,
  cell: (where: string, before: string, after: string) => `${where}: ${before} เป็น ${after}`,
  failed: 'ติดต่อ Google Sheets ไม่สำเร็จ — ลองใหม่อีกครั้ง',
  nothingSelected: 'ยังไม่ได้เลือกรายการใด',
  ruleId: 'รหัสกฎ',
  tidy: 'จัดรูปแบบให้ตรงกับ DMC',
};
type Strings = typeof th;
const en: Strings = {
  title: (n) => `${n} can be fixed automatically`,
  none: 'Nothing can be fixed automatically',
  help: 'Look at the preview, tick what to fix and press "Fix selected" — "Undo fixes" puts every value back at any time',
  loading: 'Looking for what can be fixed…',
  apply: (n) => `Fix selected (${n})`,
  applying: 'Fixing…',
  undo: (n) => `Undo fixes (${n} cells)`,
  undoing: 'Undoing…',
  show: (n) => `Show ${n} cells`,
  more: (n) => `and ${n} more cells, fixed too while this kind is ticked`,
  prefixWords: 'Prefix abbreviations to full words (ด.ช. → เด็กชาย)',
  on: 'On',
  off: 'Off',
  number: 'number',
  text: 'text',
  also: 'with',
  changes: (n) => `Cells fixed (${n})`,
  goTo: (where) => `Go to cell ${where}`,
  cell: (where, before, after) => `${where}: ${before} to ${after}`,
  failed: 'Could not reach Google Sheets — try again',
  nothingSelected: 'Nothing is selected',
  ruleId: 'Rule',
  tidy: "tidied to DMC's form",
};
const STRINGS: Record<Lang, Strings> = { th, en };

const STYLE = `
.fixes-panel { margin-top: 16px; border-top: 1px solid var(--line, #dadce0); }
.fixes-panel ul { list-style: none; margin: 0; padding: 0; }
.fixes-panel .fix-kind { border-left: 4px solid var(--accent, #188038); padding-left: 6px; margin: 8px 0; }
.fixes-panel .fix-row { display: flex; gap: 6px; align-items: flex-start; }
.fixes-panel .fix-row > label { flex: 1; min-width: 0; }
.fixes-panel .fix-kind > .fix-row > label { font-weight: 600; }
.fixes-panel input[type='checkbox'] { flex: none; width: 16px; height: 16px; margin: 3px 0 0; }
.fixes-panel .fix-item { padding: 2px 0; border-top: 1px dotted var(--line, #dadce0); font-size: 13px; }
.fixes-panel .fix-val { white-space: pre-wrap; overflow-wrap: anywhere; }
.fixes-panel .fix-cell { flex: none; min-width: 40px; border: 1px solid #1a73e8; color: #1a73e8; background: #fff;
  border-radius: 3px; font-size: 12px; padding: 0 4px; }
.fixes-panel .fix-switch { flex: none; min-width: 44px; border: 1px solid #80868b; border-radius: 11px; background: #fff;
  font-size: 12px; line-height: 20px; padding: 0 8px; }
.fixes-panel .fix-switch[aria-checked='true'] { background: var(--accent, #188038); border-color: var(--accent, #188038);
  color: #fff; }
.fixes-panel .fix-apply { background: var(--accent, #188038); color: #fff; border: 0; font-weight: 700; }
.fixes-panel .fix-apply[disabled], .fixes-panel .secondary[disabled] { opacity: 0.6; cursor: progress; }
.fixes-panel details summary { cursor: pointer; font-size: 13px; }
.fixes-panel .status li { overflow-wrap: anywhere; }
`;

function addStyle(): void {
  if (document.getElementById('fixes-panel-style')) return;
  const style = document.createElement('style');
  style.id = 'fixes-panel-style';
  style.textContent = STYLE;
  document.head.append(style);
}

/** Invisible characters made visible (the fix removes them): no-break and zero-width spaces, tabs. */
export function visible(s: string): string {
  return `“${s.replace(/[\u00a0\u200b-\u200d\u2060\ufeff]/g, '·').replace(/\t/g, '⇥')}”`;
}

export interface FixesPanel {
  /** Asks the server what can be fixed now (call after every check). */
  refresh(): Promise<void>;
  /** Redraws in another language. */
  setLang(lang: Lang): void;
  /** Empties and hides the section (e.g. after marks are cleared). */
  hide(): void;
}

export interface FixesOptions {
  /** The check the server ran again after fixing or undoing: the sidebar shows it. */
  onCheck?: (data: CheckData) => void;
}

type Status = { bad: boolean; lines: string[]; changes?: FixItem[] } | null;

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Mounts the panel into `container` (an empty element of the check view). */
export function mountFixes(
  container: HTMLElement,
  api: Api,
  lang: Lang | (() => Lang),
  options: FixesOptions = {},
): FixesPanel {
  addStyle();
  let current: Lang = typeof lang === 'function' ? lang() : lang;
  const t = () => STRINGS[typeof lang === 'function' ? lang() : current];
  const say = (m: Msg) => m[typeof lang === 'function' ? lang() : current];
  const state = {
    preview: null as FixPreview | null,
    /** Kinds ticked; a kind never seen starts ticked. */
    off: new Set<FixKind>(),
    /** Cells unticked, by sheet and cell. */
    unticked: new Set<string>(),
    /** Groups the user opened. */
    open: new Set<FixKind>(),
    busy: '' as '' | 'loading' | 'applying' | 'undoing',
    status: null as Status,
    undoable: 0,
    /** Only the newest preview request draws. */
    seq: 0,
    /** The control that had focus, given it back after a redraw. */
    focus: null as string | null,
  };
  let ids = 0;
  const id = () => `fx-${++ids}`;

  container.classList.add('fixes-panel');
  container.setAttribute('aria-labelledby', 'fixes-title');

  const kinds = () => ALL_KINDS.filter((k) => !state.off.has(k));

  async function ask<T>(p: Promise<Reply<T>>): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
    try {
      const r = await p;
      return r.ok ? { ok: true, data: r.data } : { ok: false, message: say(r.error) };
    } catch {
      return { ok: false, message: t().failed };
    }
  }

  /** The cells the apply button will fix: every previewed cell of a ticked kind not unticked. */
  function selectedCount(): number {
    const p = state.preview;
    if (!p) return 0;
    let n = 0;
    for (const g of p.groups) {
      n += g.count;
      for (const item of g.items) if (state.unticked.has(key(item.sheet, item.cell))) n--;
    }
    return n;
  }

  function where(item: FixItem): string {
    return (state.preview?.sheets.length ?? 0) > 1 ? `${item.sheet}!${item.cell}` : item.cell;
  }

  function valueText(v: string, type: string, other: string): string {
    const s = t();
    const tag = type !== other ? ` (${type === 'number' ? s.number : s.text})` : '';
    return `${visible(v)}${tag}`;
  }

  function itemRow(item: FixItem, enabled: boolean): HTMLElement {
    const s = t();
    const box = id();
    const k = key(item.sheet, item.cell);
    const before = valueText(item.before, item.beforeType, item.afterType);
    const after = valueText(item.after, item.afterType, item.beforeType);
    const also = item.also.length
      ? ` · ${s.also} ${item.also.map((a) => say(state.preview!.kinds.find((x) => x.kind === a)?.label ?? { th: a, en: a })).join(', ')}`
      : '';
    return el(
      'li',
      { class: 'fix-item fix-row', attrs: { 'data-cell': item.cell, 'data-sheet': item.sheet } },
      el('input', {
        attrs: {
          type: 'checkbox',
          id: box,
          'aria-label': s.cell(where(item), before, after),
          ...(state.unticked.has(k) ? {} : { checked: '' }),
          ...(enabled && !state.busy ? {} : { disabled: '' }),
        },
        on: {
          change: (e) => {
            if ((e.target as HTMLInputElement).checked) state.unticked.delete(k);
            else state.unticked.add(k);
            render();
          },
        },
      }),
      el('button', {
        class: 'fix-cell',
        text: where(item),
        attrs: { type: 'button', title: s.goTo(where(item)), 'aria-label': s.goTo(where(item)) },
        on: { click: () => void api('activateCell', item.sheet, item.cell) },
      }),
      el('label', { attrs: { for: box } }, el('span', { class: 'fix-val', text: `${before} → ${after}` }), also),
    );
  }

  function kindRow(kind: FixKind): HTMLElement | null {
    const p = state.preview!;
    const s = t();
    const info = p.kinds.find((k) => k.kind === kind);
    if (!info) return null;
    const on = !state.off.has(kind);
    const group = p.groups.find((g) => g.kind === kind);
    const box = id();
    const toggle = () => {
      if (state.off.has(kind)) state.off.delete(kind);
      else state.off.add(kind);
      void refresh();
    };
    const items = group?.items ?? [];
    const unticked = items.filter((i) => state.unticked.has(key(i.sheet, i.cell))).length;
    const label = `${say(info.label)} (${info.cells})`;
    const control =
      kind === 'prefix-word'
        ? el('button', {
            class: 'fix-switch',
            text: on ? s.on : s.off,
            attrs: {
              type: 'button',
              role: 'switch',
              id: box,
              'aria-checked': String(on),
              'data-kind': kind,
              ...(state.busy ? { disabled: '' } : {}),
            },
            on: { click: toggle },
          })
        : el('input', {
            attrs: {
              type: 'checkbox',
              id: box,
              'data-kind': kind,
              ...(on ? { checked: '' } : {}),
              ...(state.busy ? { disabled: '' } : {}),
            },
            on: { change: toggle },
          });
    if (control instanceof HTMLInputElement) control.indeterminate = on && unticked > 0;
    const details = group
      ? el(
          'details',
          {},
          el('summary', { text: s.show(group.count) }),
          el('ul', {}, ...items.map((i) => itemRow(i, on))),
          group.count > items.length ? el('p', { class: 'muted', text: s.more(group.count - items.length) }) : null,
        )
      : null;
    if (details) {
      details.open = state.open.has(kind);
      details.addEventListener('toggle', () => {
        if (details.open) state.open.add(kind);
        else state.open.delete(kind);
      });
    }
    return el(
      'li',
      { class: 'fix-kind', attrs: { 'data-kind': kind } },
      el(
        'div',
        { class: 'fix-row' },
        control,
        el('label', { attrs: { for: box } }, kind === 'prefix-word' ? `${s.prefixWords} (${info.cells})` : label),
      ),
      el('code', { class: 'rule-id', text: info.rule ? `${s.ruleId}: ${info.rule}` : s.tidy }),
      details,
    );
  }

  function statusBox(): HTMLElement | null {
    const st = state.status;
    if (!st) return null;
    const s = t();
    return el(
      'div',
      { class: `status${st.bad ? ' bad' : ''}`, attrs: st.bad ? { role: 'alert' } : {} },
      ...st.lines.map((line) => el('div', { text: line })),
      st.changes?.length
        ? el(
            'details',
            {},
            el('summary', { text: s.changes(st.changes.length) }),
            el(
              'ul',
              {},
              ...st.changes.map((c) => el('li', { text: `${where(c)}: ${visible(c.before)} → ${visible(c.after)}` })),
            ),
          )
        : null,
    );
  }

  function render(): void {
    const s = t();
    const p = state.preview;
    // Focus survives a redraw: the same control (by its data attributes) gets it back, also once a control
    // disabled while the server works is enabled again — unless the user has gone elsewhere meanwhile.
    const active = document.activeElement;
    const inside = active instanceof HTMLElement && container.contains(active);
    if (inside) state.focus = focusKey(active);
    const lost = !inside && (active === null || active === document.body);
    clear(container);
    const title = el('h2', {
      attrs: { id: 'fixes-title' },
      text: state.busy === 'loading' && !p ? s.loading : p && p.total ? s.title(p.total) : s.none,
    });
    container.append(title);
    if (p && p.total) {
      container.append(
        el('p', { class: 'muted', text: s.help }),
        el('ul', { class: 'fix-kinds' }, ...ALL_KINDS.map(kindRow)),
      );
      const n = selectedCount();
      container.append(
        el('button', {
          class: 'secondary fix-apply',
          text: state.busy === 'applying' ? s.applying : s.apply(n),
          attrs: {
            type: 'button',
            id: 'fixes-apply',
            'aria-busy': String(state.busy === 'applying'),
            ...(state.busy || n === 0 ? { disabled: '' } : {}),
          },
          on: { click: () => void apply() },
        }),
      );
    }
    if (state.undoable > 0 || state.busy === 'undoing') {
      container.append(
        el('button', {
          class: 'secondary fix-undo',
          text: state.busy === 'undoing' ? s.undoing : s.undo(state.undoable),
          attrs: {
            type: 'button',
            id: 'fixes-undo',
            'aria-busy': String(state.busy === 'undoing'),
            ...(state.busy ? { disabled: '' } : {}),
          },
          on: { click: () => void undo() },
        }),
      );
    }
    const live = el('div', { attrs: { 'aria-live': 'polite', id: 'fixes-status' } }, statusBox());
    container.append(live);
    container.hidden = !p && !state.status && state.busy !== 'loading' && state.undoable === 0;
    if (state.focus && (inside || lost)) restoreFocus(state.focus);
  }

  function focusKey(node: HTMLElement): string {
    const row = node.closest('[data-cell],[data-kind]') as HTMLElement | null;
    const tag = node.tagName.toLowerCase();
    return `${tag}|${node.id.startsWith('fx-') ? '' : node.id}|${row?.dataset.kind ?? ''}|${row?.dataset.sheet ?? ''}|${row?.dataset.cell ?? ''}|${node.className}`;
  }

  function restoreFocus(mark: string): void {
    for (const node of container.querySelectorAll<HTMLElement>('button, input, summary')) {
      if (focusKey(node) === mark) {
        node.focus();
        return;
      }
    }
  }

  async function refresh(): Promise<void> {
    const seq = ++state.seq;
    state.busy = 'loading';
    render();
    const r = await ask(api('previewFixes', kinds()));
    if (seq !== state.seq) return;
    state.busy = '';
    if (r.ok) {
      state.preview = r.data;
      state.undoable = r.data.undoable;
      // Cells no longer planned need not stay unticked.
      const planned = new Set(r.data.groups.flatMap((g) => g.items.map((i) => key(i.sheet, i.cell))));
      for (const k of [...state.unticked]) if (!planned.has(k)) state.unticked.delete(k);
    } else state.status = { bad: true, lines: [r.message] };
    render();
  }

  /** Every previewed cell named with the value shown when all are listed; otherwise the unticked ones left out. */
  function selection(): FixSelection {
    const p = state.preview!;
    const all = p.groups.every((g) => g.items.length === g.count);
    const chosen = kinds();
    if (all) {
      const cells = p.groups.flatMap((g) =>
        g.items
          .filter((i) => !state.unticked.has(key(i.sheet, i.cell)))
          .map((i) => ({ sheet: i.sheet, cell: i.cell, after: i.after })),
      );
      return { kinds: chosen, cells };
    }
    const skip = [...state.unticked].map((k) => {
      const [sheet, cell] = k.split('\u0000') as [string, string];
      return { sheet, cell };
    });
    return { kinds: chosen, skip };
  }

  async function apply(): Promise<void> {
    if (!state.preview || state.busy) return;
    if (selectedCount() === 0) {
      state.status = { bad: true, lines: [t().nothingSelected] };
      render();
      return;
    }
    state.busy = 'applying';
    state.status = null;
    render();
    const r = await ask<FixApplied>(api('applySelectedFixes', selection()));
    state.busy = '';
    if (!r.ok) {
      state.status = { bad: true, lines: [r.message] };
      render();
      return;
    }
    state.undoable = r.data.undoable;
    // Cells the user unticked stay unticked in the new preview.
    state.status = { bad: false, lines: [say(r.data.message), ...r.data.notices.map(say)], changes: r.data.changes };
    if (r.data.check) options.onCheck?.(r.data.check);
    await refresh();
  }

  async function undo(): Promise<void> {
    if (state.busy) return;
    state.busy = 'undoing';
    state.status = null;
    render();
    const r = await ask<FixUndone>(api('undoFixes'));
    state.busy = '';
    if (!r.ok) {
      state.status = { bad: true, lines: [r.message] };
      render();
      return;
    }
    state.undoable = 0;
    state.status = { bad: false, lines: [say(r.data.message), ...r.data.notices.map(say)] };
    if (r.data.check) options.onCheck?.(r.data.check);
    await refresh();
  }

  container.hidden = true;
  return {
    /** After a check: what was said about an earlier fix or undo no longer applies. */
    refresh() {
      state.status = null;
      return refresh();
    },
    setLang(next: Lang) {
      current = next;
      render();
    },
    hide() {
      state.seq++;
      state.preview = null;
      state.status = null;
      state.busy = '';
      clear(container);
      container.hidden = true;
    },
  };
}
