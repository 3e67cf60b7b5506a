/**
 * The other Apps Script services the add-on touches: Ui (menus, sidebar, alerts), HtmlService,
 * PropertiesService, LockService, Utilities, Session, Logger. Every call is counted.
 */
import type { CallLog } from './calls';

export interface MenuItem {
  caption: string;
  functionName: string;
}
export interface Menu {
  caption: string;
  items: Array<MenuItem | 'separator'>;
}

export class FakeHtmlOutput {
  private title = '';
  private width = 300;
  constructor(
    private readonly calls: CallLog,
    private readonly content: string,
  ) {}
  setTitle(t: string) {
    this.calls.count('HtmlOutput.setTitle');
    this.title = t;
    return this;
  }
  getTitle() {
    this.calls.count('HtmlOutput.getTitle');
    return this.title;
  }
  setWidth(w: number) {
    this.calls.count('HtmlOutput.setWidth');
    this.width = w;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getContent() {
    this.calls.count('HtmlOutput.getContent');
    return this.content;
  }
}

export class FakeUi {
  readonly menus: Menu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly alerts: string[] = [];
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' } as const;
  constructor(private readonly calls: CallLog) {}

  createMenu(caption: string) {
    this.calls.count('Ui.createMenu');
    return this.menu(caption);
  }
  createAddonMenu() {
    this.calls.count('Ui.createAddonMenu');
    return this.menu('Add-on');
  }
  private menu(caption: string) {
    const menu: Menu = { caption, items: [] };
    const calls = this.calls;
    const menus = this.menus;
    const builder = {
      addItem(itemCaption: string, functionName: string) {
        calls.count('Menu.addItem');
        menu.items.push({ caption: itemCaption, functionName });
        return builder;
      },
      addSeparator() {
        calls.count('Menu.addSeparator');
        menu.items.push('separator');
        return builder;
      },
      addToUi() {
        calls.count('Menu.addToUi');
        menus.push(menu);
      },
    };
    return builder;
  }
  showSidebar(html: FakeHtmlOutput) {
    this.calls.count('Ui.showSidebar');
    this.sidebars.push(html);
  }
  alert(title: string, prompt?: string) {
    this.calls.count('Ui.alert');
    this.alerts.push(prompt === undefined ? title : `${title}: ${prompt}`);
    return this.Button.OK;
  }
}

export class FakeHtmlService {
  constructor(
    private readonly calls: CallLog,
    /** Files of the Apps Script project by name (without .html), e.g. { Sidebar: '<html>…' }. */
    private readonly files: Record<string, string>,
  ) {}
  createHtmlOutputFromFile(name: string) {
    this.calls.count('HtmlService.createHtmlOutputFromFile');
    const content = this.files[name.replace(/\.html$/, '')];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(this.calls, content);
  }
  createHtmlOutput(html = '') {
    this.calls.count('HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(this.calls, html);
  }
}

export class FakeProperties {
  private readonly store = new Map<string, string>();
  constructor(
    private readonly calls: CallLog,
    private readonly kind: string,
  ) {}
  private c(name: string) {
    this.calls.count(`${this.kind}.${name}`);
  }
  getProperty(key: string) {
    this.c('getProperty');
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    this.c('setProperty');
    if (String(value).length > 9 * 1024) throw new Error('Argument too large: value');
    this.store.set(key, String(value));
    return this;
  }
  deleteProperty(key: string) {
    this.c('deleteProperty');
    this.store.delete(key);
    return this;
  }
  getProperties() {
    this.c('getProperties');
    return Object.fromEntries(this.store);
  }
  getKeys() {
    this.c('getKeys');
    return [...this.store.keys()];
  }
  /** Tests: the stored pairs, and putting them back (not counted). */
  saveState(): Map<string, string> {
    return new Map(this.store);
  }
  restoreState(state: Map<string, string>): void {
    this.store.clear();
    for (const [k, v] of state) this.store.set(k, v);
  }
}

/** One lock per document, shared by every execution: `held` simulates another user's running check. */
export class FakeLock {
  held = false;
  private mine = false;
  constructor(private readonly calls: CallLog) {}
  tryLock(_timeoutMs: number) {
    this.calls.count('Lock.tryLock');
    if (this.held && !this.mine) return false;
    this.held = this.mine = true;
    return true;
  }
  waitLock(timeoutMs: number) {
    this.calls.count('Lock.waitLock');
    if (!this.tryLock(timeoutMs)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock() {
    this.calls.count('Lock.hasLock');
    return this.mine;
  }
  releaseLock() {
    this.calls.count('Lock.releaseLock');
    if (this.mine) this.held = this.mine = false;
  }
}

export function fakeUtilities(calls: CallLog) {
  const bytes = (data: string | number[]) =>
    typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(Uint8Array.from(data.map((b) => b & 0xff)));
  return {
    Charset: { UTF_8: 'UTF-8', US_ASCII: 'US-ASCII' },
    sleep(_ms: number) {
      calls.count('Utilities.sleep');
    },
    formatDate(date: Date, _tz: string, pattern: string) {
      calls.count('Utilities.formatDate');
      // Asia/Bangkok is UTC+7 all year.
      const d = new Date(date.getTime() + 7 * 3600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return pattern
        .replace('yyyy', String(d.getUTCFullYear()))
        .replace('MM', pad(d.getUTCMonth() + 1))
        .replace('dd', pad(d.getUTCDate()))
        .replace('HH', pad(d.getUTCHours()))
        .replace('mm', pad(d.getUTCMinutes()));
    },
    /** Strings are encoded as UTF-8 (the charset the add-on passes); byte arrays may be signed, as in Java. */
    base64Encode(data: string | number[], _charset?: string) {
      calls.count('Utilities.base64Encode');
      return bytes(data).toString('base64');
    },
    base64EncodeWebSafe(data: string | number[], _charset?: string) {
      calls.count('Utilities.base64EncodeWebSafe');
      // Apps Script's web-safe alphabet keeps the = padding.
      return bytes(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
  };
}

export interface FakeDraft {
  id: string;
  message: { id: string; raw: string };
}

/** The Gmail advanced service (Gmail.Users.…) as far as drafts go: created drafts are kept, never sent. */
export class FakeGmail {
  readonly drafts: FakeDraft[] = [];
  constructor(
    private readonly calls: CallLog,
    readonly emailAddress = 'officer@example.com',
  ) {}
  readonly Users = {
    getProfile: (userId: string) => {
      this.calls.count('Gmail.Users.getProfile');
      if (userId !== 'me') throw new Error('Delegation denied');
      return { emailAddress: this.emailAddress, messagesTotal: 0 };
    },
    Drafts: {
      create: (resource: { message?: { raw?: string } }, userId: string) => {
        this.calls.count('Gmail.Users.Drafts.create');
        if (userId !== 'me') throw new Error('Delegation denied');
        const raw = resource.message?.raw;
        if (!raw || !/^[A-Za-z0-9_-]+=*$/.test(raw))
          throw new Error("Invalid value at 'draft.message.raw' (TYPE_BYTES)");
        const n = this.drafts.length + 1;
        const draft = { id: `r-draft-${n}`, message: { id: `msg-${n}`, raw } };
        this.drafts.push(draft);
        return { id: draft.id, message: { id: draft.message.id, labelIds: ['DRAFT'] } };
      },
      list: (userId: string) => {
        this.calls.count('Gmail.Users.Drafts.list');
        if (userId !== 'me') throw new Error('Delegation denied');
        return {
          drafts: this.drafts.map((d) => ({ id: d.id, message: { id: d.message.id } })),
          resultSizeEstimate: this.drafts.length,
        };
      },
    },
  };
}
