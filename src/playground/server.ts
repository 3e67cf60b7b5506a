/**
 * npm start: the real sidebar (dist/Sidebar.html) beside a grid of the in-memory spreadsheet. The
 * sidebar's google.script.run is a shim that posts to this server; a worker thread runs the real
 * dist/Code.js under gas-local with the fakes (worker.ts), one request at a time, while this thread
 * keeps answering: the page, the last state and whether the worker is busy. Loopback only; files the
 * user opens stay on this machine.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Msg } from '../core/types';
import type { DraftView, PageState } from './session';
import { WORKER_ROLE, type SessionOp, type SessionReply, type WorkerData } from './worker';

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

/** Request bodies this server accepts, by route: each refusal names its own limit. */
export const LIMITS = {
  upload: 20 * 1024 * 1024,
  run: 1024 * 1024,
  edit: 64 * 1024,
  small: 4 * 1024,
};

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

export const MESSAGES = {
  tooLarge: (limit: number, what: Msg): Msg => ({
    th: `${what.th}ใหญ่เกิน ${size(limit)} (ขีดจำกัดของ playground)`,
    en: `${what.en} is larger than ${size(limit)} (the playground's limit)`,
  }),
  file: { th: 'ไฟล์', en: 'The file' },
  request: { th: 'ข้อมูลที่ส่งมา', en: 'The request' },
  badJson: { th: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง', en: 'The request is not valid JSON' },
  badShape: { th: 'ข้อมูลที่ส่งมาไม่ครบหรือผิดรูปแบบ', en: 'The request is incomplete or malformed' },
  notFound: { th: 'ไม่พบ', en: 'Not found' },
  crashed: {
    th: 'ส่วนจำลองหยุดทำงาน (ไฟล์อาจใหญ่เกินหน่วยความจำ) — เริ่มใหม่ด้วยไฟล์ตัวอย่างแล้ว',
    en: 'The simulated spreadsheet stopped (the file may be too large for memory) — restarted with the example',
  },
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly msg: Msg,
  ) {
    super(msg.en);
  }
}

const SHIM = `(function () {
  function tell(type) {
    if (window.parent !== window) window.parent.postMessage({ type: type }, location.origin);
  }
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          tell('dmc-busy');
          fetch('/api/run/' + encodeURIComponent(name), {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args)
          }).then(function (r) {
            return r.ok ? r.json() : r.text().then(function (t) { throw new Error(t); });
          }).then(function (v) {
            if (success) success(v);
            tell('dmc-changed');
          }, function (e) { if (failure) failure(e); tell('dmc-changed'); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();`;

/** The worker thread and the order of its work; a worker that dies is replaced, its callers told. */
class SessionWorker {
  private worker!: Worker;
  private ready!: Promise<void>;
  private nextId = 1;
  private waiting = new Map<number, (r: SessionReply) => void>();
  private closing = false;
  private failedStarts = 0;
  /** Requests sent and not yet answered: the page shows "busy" while there are any. */
  pending = 0;
  state: PageState | null = null;
  drafts: DraftView[] = [];

  constructor(private readonly data: WorkerData) {
    this.spawn();
  }

  private spawn(): void {
    // The built bundle is the worker (it branches on workerData); tests and npm start alike run build first.
    // With its own heap limit, a file too big for memory stops the worker (then restarted), not the server.
    const worker = new Worker(path('build/playground.mjs'), {
      workerData: this.data,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    this.worker = worker;
    let started = false;
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (m: SessionReply | { ready: true }) => {
        if ('ready' in m) {
          started = true;
          this.failedStarts = 0;
          return resolve();
        }
        const done = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        done?.(m);
      });
      worker.once('error', (e) => {
        if (!started) reject(e);
      });
      worker.once('exit', () => {
        for (const [id, done] of this.waiting) done({ id, ok: false, status: 500, msg: MESSAGES.crashed });
        this.waiting.clear();
        if (!started) reject(new Error('the playground worker stopped while starting'));
        if (this.closing) return;
        // A worker that cannot start (dist/ missing, say) is not restarted in a loop: requests then fail with why.
        if (!started && ++this.failedStarts >= 3) return;
        setTimeout(() => this.spawn(), 100);
      });
    });
    this.ready.catch(() => undefined);
  }

  async request(op: SessionOp, transfer: ArrayBuffer[] = []): Promise<SessionReply> {
    this.pending++;
    try {
      await this.ready;
      const id = this.nextId++;
      const reply = await new Promise<SessionReply>((resolve) => {
        this.waiting.set(id, resolve);
        this.worker.postMessage({ ...op, id }, transfer);
      });
      if (reply.ok) {
        this.state = reply.state;
        if (reply.drafts) this.drafts = reply.drafts;
      }
      return reply;
    } finally {
      this.pending--;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }
}

async function body(req: IncomingMessage, limit: number, what: Msg): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new HttpError(413, MESSAGES.tooLarge(limit, what));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of req) {
    total += (c as Buffer).length;
    if (total > limit) throw new HttpError(413, MESSAGES.tooLarge(limit, what));
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

async function jsonBody<T>(req: IncomingMessage, limit: number, check: (v: unknown) => v is T): Promise<T> {
  const text = (await body(req, limit, MESSAGES.request)).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text === '' ? 'null' : text);
  } catch {
    throw new HttpError(400, MESSAGES.badJson);
  }
  if (!check(value)) throw new HttpError(400, MESSAGES.badShape);
  return value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings =
  <K extends string>(...keys: K[]) =>
  (v: unknown): v is Record<K, string> =>
    isRecord(v) && keys.every((k) => typeof v[k] === 'string');

export async function startPlayground({ port = 8787, host = '127.0.0.1' } = {}): Promise<Playground> {
  const sidebar = (await readFile(path('dist/Sidebar.html'), 'utf8')).replace(
    '<head>',
    `<head><script>${SHIM}</script>`,
  );
  const page = await readFile(path('src/playground/page.html'), 'utf8');
  const pageJs = await readFile(path('build/playground-page.js'), 'utf8');
  const icon = existsSync(path('docs/icon.svg')) ? await readFile(path('docs/icon.svg')) : null;
  const session = new SessionWorker({
    role: WORKER_ROLE,
    paths: { dist: path('dist'), example: path('examples/roster.xlsx'), sidebarHtml: path('dist/Sidebar.html') },
  });

  function send(res: ServerResponse, status: number, type: string, content: string | Buffer | Uint8Array) {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(content);
  }
  const json = (res: ServerResponse, v: unknown, status = 200) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

  /** The page's view: the last state the worker gave, and whether it is working now. */
  const pageState = () => ({ ...session.state!, busy: session.pending > 0, pending: session.pending });

  /** Runs an operation in the worker; its state (or its refusal) is the answer. */
  async function perform(op: SessionOp, transfer: ArrayBuffer[] = []) {
    const reply = await session.request(op, transfer);
    if (!reply.ok) throw new HttpError(reply.status, reply.msg);
    return reply;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /') return send(res, 200, 'text/html; charset=utf-8', page);
    if (route === 'GET /page.js') return send(res, 200, 'text/javascript; charset=utf-8', pageJs);
    if (route === 'GET /sidebar') return send(res, 200, 'text/html; charset=utf-8', sidebar);
    if (route === 'GET /favicon.ico' || route === 'GET /icon.svg') {
      return icon ? send(res, 200, 'image/svg+xml', icon) : send(res, 404, 'text/plain', 'not found');
    }
    if (route === 'GET /api/state') {
      if (!session.state) await perform({ op: 'state' });
      return json(res, pageState());
    }
    if (route === 'GET /api/busy') return json(res, { busy: session.pending > 0, pending: session.pending });
    if (route === 'GET /api/drafts') {
      if (!session.state) await perform({ op: 'state' });
      return json(res, session.drafts);
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/run/')) {
      const name = decodeURIComponent(url.pathname.slice('/api/run/'.length));
      const args = await jsonBody(req, LIMITS.run, (v): v is unknown[] => Array.isArray(v) || v === null);
      const reply = await perform({ op: 'run', name, args: args ?? [] });
      return json(res, reply.ok ? reply.result : null);
    }
    const attachment = /^GET \/api\/drafts\/(\d+)\/attachments\/(\d+)$/.exec(route);
    if (attachment) {
      const reply = await perform({ op: 'attachment', draft: Number(attachment[1]), index: Number(attachment[2]) });
      const a = (reply.ok ? reply.result : null) as { filename: string; mimeType: string; bytes: Uint8Array };
      res.writeHead(200, {
        'content-type': a.mimeType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        'cache-control': 'no-store',
      });
      return res.end(Buffer.from(a.bytes));
    }
    if (route === 'POST /api/edit') {
      const { sheet, cell, value } = await jsonBody(req, LIMITS.edit, strings('sheet', 'cell', 'value'));
      await perform({ op: 'edit', sheet, cell, value });
      return json(res, pageState());
    }
    if (route === 'POST /api/activate') {
      const { sheet } = await jsonBody(req, LIMITS.small, strings('sheet'));
      await perform({ op: 'activate', sheet });
      return json(res, pageState());
    }
    if (route === 'POST /api/load') {
      const name = decodeURIComponent(String(req.headers['x-filename'] ?? 'roster.csv'));
      const bytes = await body(req, LIMITS.upload, MESSAGES.file);
      // A copy the worker may own: the request's buffer belongs to Node's pool.
      const own = new Uint8Array(bytes);
      await perform({ op: 'load', name, bytes: own }, [own.buffer as ArrayBuffer]);
      return json(res, pageState());
    }
    if (route === 'POST /api/reset') {
      await perform({ op: 'reset' });
      return json(res, pageState());
    }
    return json(res, { error: MESSAGES.notFound }, 404);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const known = e instanceof HttpError;
      const msg = known
        ? e.msg
        : { th: `เกิดข้อผิดพลาดที่ไม่คาดคิด: ${(e as Error).message}`, en: `unexpected error: ${(e as Error).message}` };
      if (!res.headersSent) {
        // A refused body may still be arriving: answer, then close rather than read it all.
        if (known && e.status === 413) res.setHeader('connection', 'close');
        json(res, { error: msg }, known ? e.status : 500);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: unknown) => {
    await session.close();
    throw e;
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    close: async () => {
      await session.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
