/**
 * npm start: the real sidebar (dist/Sidebar.html) beside a grid of the in-memory spreadsheet. The
 * sidebar's google.script.run is a shim that posts to this server, which calls the real dist/Code.js
 * under gas-local with the fakes. Listens on loopback only; files the user opens stay on this machine.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import gas from 'gas-local';
import PostalMime from 'postal-mime';
import { parseCsv, readXlsx, InputError } from '../cli/read';
import { isDate } from '../core/dates';
import { createServices, type Value } from '../fakes/index';

/** The project folder, from src/playground (tests) or build/ (npm start). */
function projectRoot(): URL {
  let dir = new URL('.', import.meta.url);
  while (!existsSync(new URL('package.json', dir))) {
    const up = new URL('..', dir);
    if (up.href === dir.href) throw new Error('project folder not found');
    dir = up;
  }
  return dir;
}
const ROOT = projectRoot();
const path = (p: string) => new URL(p, ROOT).pathname;

export interface Playground {
  url: string;
  close(): Promise<void>;
}

/** The bundle's entry points: the functions build.mjs declared after its marker. */
function entryPoints(code: string): Set<string> {
  const tail = code.slice(code.indexOf('// Entry points Apps Script can call'));
  return new Set([...tail.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]!));
}

const SHIM = `(function () {
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run/' + encodeURIComponent(name), {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args)
          }).then(function (r) {
            return r.ok ? r.json() : r.text().then(function (t) { throw new Error(t); });
          }).then(function (v) {
            if (success) success(v);
            if (window.parent !== window) window.parent.postMessage({ type: 'dmc-changed' }, location.origin);
          }, function (e) { if (failure) failure(e); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();`;

function displayValue(v: Value): string {
  if (isDate(v))
    return `${String(v.getDate()).padStart(2, '0')}/${String(v.getMonth() + 1).padStart(2, '0')}/${v.getFullYear()}`;
  return String(v);
}

function toValues(rows: unknown[][]): Value[][] {
  return rows.map((r) => Array.from(r, (v) => (v === null || v === undefined ? '' : (v as Value))));
}

export async function startPlayground({ port = 8787, host = '127.0.0.1' } = {}): Promise<Playground> {
  const code = await readFile(path('dist/Code.js'), 'utf8');
  const sidebar = (await readFile(path('dist/Sidebar.html'), 'utf8')).replace(
    '<head>',
    `<head><script>${SHIM}</script>`,
  );
  const page = await readFile(path('src/playground/page.html'), 'utf8');
  const pageJs = await readFile(path('build/playground-page.js'), 'utf8');
  const allowed = entryPoints(code);

  let session = await open(await exampleSheets());

  async function exampleSheets(): Promise<Record<string, Value[][]>> {
    const example = await readXlsx(await readFile(path('examples/roster.xlsx')));
    return { [example.sheet ?? 'นักเรียน']: toValues(example.values) };
  }

  async function open(sheets: Record<string, Value[][]>) {
    const services = createServices({ html: { Sidebar: sidebar } });
    Object.entries(sheets).forEach(([name, values], i) => {
      if (i === 0) services.spreadsheet.loadFirst(name, values);
      else services.spreadsheet.addSheet(name, values);
    });
    const context = gas.require(path('dist'), { ...services.globals }, { filter: (p) => p.endsWith('/Code.js') });
    return { ...services, context };
  }

  function state() {
    const ss = session.spreadsheet;
    const sheets = ss.allSheets().map((s) => {
      const p = s.peek();
      return {
        name: s.name,
        id: s.id,
        hidden: p.hidden,
        values: p.values.map((r) => r.map(displayValue)),
        backgrounds: p.backgrounds,
        notes: p.notes,
        bold: p.bold,
      };
    });
    const active = ss.allSheets()[ss.activeIndex()]!.name;
    const range = ss.activeRange;
    return { sheets, active, selected: range ? { sheet: range.sheet.name, cell: range.getA1Notation() } : null };
  }

  /** The fake Gmail's drafts, parsed as a mail client would show them. */
  async function drafts() {
    return Promise.all(
      session.gmail.drafts.map(async (d, i) => {
        const mail = await PostalMime.parse(Buffer.from(d.message.raw, 'base64url'));
        return {
          id: d.id,
          from: mail.from ? `${mail.from.name} <${mail.from.address}>` : '',
          to: (mail.to ?? []).map((a) => a.address).join(', '),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          attachments: mail.attachments.map((a, j) => ({
            filename: a.filename ?? `attachment-${j + 1}`,
            mimeType: a.mimeType,
            size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
            url: `/api/drafts/${i}/attachments/${j}`,
          })),
        };
      }),
    );
  }

  async function body(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > limit) throw new InputError('the file is larger than 20 MB');
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks);
  }

  function send(res: ServerResponse, status: number, type: string, content: string | Buffer) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(content);
  }
  const json = (res: ServerResponse, v: unknown, status = 200) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /') return send(res, 200, 'text/html; charset=utf-8', page);
    if (route === 'GET /page.js') return send(res, 200, 'text/javascript; charset=utf-8', pageJs);
    if (route === 'GET /sidebar') return send(res, 200, 'text/html; charset=utf-8', sidebar);
    if (route === 'GET /api/state') return json(res, state());
    if (req.method === 'POST' && url.pathname.startsWith('/api/run/')) {
      const name = decodeURIComponent(url.pathname.slice('/api/run/'.length));
      if (!allowed.has(name)) return send(res, 404, 'text/plain', `no entry point ${name}`);
      const args = JSON.parse((await body(req, 1024 * 1024)).toString('utf8') || '[]') as unknown[];
      const result = (session.context[name] as (...a: unknown[]) => unknown)(...args);
      // Apps Script hands results to the page as JSON; so does the shim.
      return json(res, result === undefined ? null : JSON.parse(JSON.stringify(result)));
    }
    if (route === 'GET /api/drafts') return json(res, await drafts());
    const attachment = /^GET \/api\/drafts\/(\d+)\/attachments\/(\d+)$/.exec(route);
    if (attachment) {
      const draft = session.gmail.drafts[Number(attachment[1])];
      if (!draft) return send(res, 404, 'text/plain', 'no such draft');
      const mail = await PostalMime.parse(Buffer.from(draft.message.raw, 'base64url'));
      const a = mail.attachments[Number(attachment[2])];
      if (!a) return send(res, 404, 'text/plain', 'no such attachment');
      res.writeHead(200, {
        'content-type': a.mimeType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.filename ?? 'attachment')}`,
      });
      return res.end(Buffer.from(a.content as ArrayBuffer));
    }
    if (route === 'POST /api/edit') {
      // What typing into a cell does: the value is parsed as Sheets would (numbers, "'" for text).
      const { sheet, cell, value } = JSON.parse((await body(req, 64 * 1024)).toString('utf8')) as Record<
        string,
        string
      >;
      const target = session.spreadsheet.allSheets().find((s) => s.name === sheet);
      if (!target || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(String(cell))) throw new InputError('no such cell');
      target.getRange(cell!).setValue(String(value ?? ''));
      return json(res, state());
    }
    if (route === 'POST /api/activate') {
      const { sheet } = JSON.parse((await body(req, 4096)).toString('utf8')) as { sheet: string };
      const target = session.spreadsheet.allSheets().find((s) => s.name === sheet);
      if (target) session.spreadsheet.setActiveSheetQuiet(target);
      return json(res, state());
    }
    if (route === 'POST /api/load') {
      const name = decodeURIComponent(String(req.headers['x-filename'] ?? 'roster.csv'));
      const bytes = await body(req);
      const lower = name.toLowerCase();
      const file = lower.endsWith('.xlsx')
        ? await readXlsx(bytes)
        : lower.endsWith('.csv')
          ? { values: parseCsv(bytes), sheet: undefined }
          : null;
      if (!file) throw new InputError('choose a .xlsx or .csv file');
      session = await open({ [file.sheet ?? name.replace(/\.[^.]+$/, '')]: toValues(file.values) });
      return json(res, state());
    }
    if (route === 'POST /api/reset') {
      session = await open(await exampleSheets());
      return json(res, state());
    }
    return send(res, 404, 'text/plain', 'not found');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const message = e instanceof InputError ? e.message : `unexpected error: ${(e as Error).message}`;
      if (!res.headersSent) json(res, { error: message }, e instanceof InputError ? 400 : 500);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
