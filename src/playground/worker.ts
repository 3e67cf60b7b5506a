/**
 * The playground's worker thread: holds the Session and answers the web server's requests one at a
 * time. A long check runs here, so the server keeps serving pages and its "busy" state meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PlaygroundError, Session, type DraftView, type PageState, type SessionPaths } from './session';

export type SessionOp =
  | { op: 'state' }
  | { op: 'run'; name: string; args: unknown[] }
  | { op: 'edit'; sheet: string; cell: string; value: string }
  | { op: 'activate'; sheet: string }
  | { op: 'load'; name: string; bytes: Uint8Array }
  | { op: 'reset' }
  | { op: 'attachment'; draft: number; index: number };

export type SessionRequest = SessionOp & { id: number };

export type SessionReply =
  | { id: number; ok: true; result: unknown; state: PageState; drafts?: DraftView[] }
  | { id: number; ok: false; status: number; msg: { th: string; en: string } };

export const WORKER_ROLE = 'dmc-playground-session';

export interface WorkerData {
  role: typeof WORKER_ROLE;
  paths: SessionPaths;
}

async function perform(session: Session, r: SessionOp): Promise<unknown> {
  switch (r.op) {
    case 'state':
      return null;
    case 'run':
      return session.run(r.name, r.args);
    case 'edit':
      return session.edit(r.sheet, r.cell, r.value);
    case 'activate':
      return session.activate(r.sheet);
    case 'load':
      return session.load(r.name, r.bytes);
    case 'reset':
      return session.reset();
    case 'attachment':
      return session.attachment(r.draft, r.index);
  }
}

/** Serves requests from the parent thread until it goes away. */
export async function runSessionWorker(): Promise<void> {
  const port = parentPort!;
  const data = workerData as WorkerData;
  const session = await Session.create(data.paths);
  let draftsSent = -1;
  // One request at a time, in arrival order: the fakes, like a spreadsheet, take one writer.
  let chain = Promise.resolve();
  port.on('message', (r: SessionRequest) => {
    chain = chain.then(async () => {
      let reply: SessionReply;
      try {
        const result = await perform(session, r);
        const count = session.draftCount();
        const drafts = count !== draftsSent ? await session.drafts() : undefined;
        draftsSent = count;
        reply = { id: r.id, ok: true, result, state: session.state(), ...(drafts ? { drafts } : {}) };
      } catch (e) {
        reply =
          e instanceof PlaygroundError
            ? { id: r.id, ok: false, status: e.status, msg: e.msg }
            : {
                id: r.id,
                ok: false,
                status: 500,
                msg: {
                  th: `เกิดข้อผิดพลาดที่ไม่คาดคิด: ${(e as Error).message}`,
                  en: `unexpected error: ${(e as Error).message}`,
                },
              };
      }
      port.postMessage(reply);
    });
  });
  port.postMessage({ ready: true });
}
