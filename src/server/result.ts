/** Every function the sidebar calls returns a Result: plain JSON, never a thrown error. */
import { maskCidsIn } from '../core/thai-id';
import type { Msg } from '../core/types';
import { M } from './messages';

export type Result<T> = { ok: true; data: T } | { ok: false; error: Msg };

/** A failure the user can act on, with its message. */
export class UserError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

/** Runs an entry point; a UserError becomes its message, anything else a masked "unexpected" one. */
export function safely<T>(name: string, fn: () => T): Result<T> {
  try {
    return { ok: true, data: fn() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.msg };
    const detail = maskCidsIn(e instanceof Error ? e.message : String(e));
    console.error(`${name} failed: ${detail}`);
    return { ok: false, error: M.unexpected(detail) };
  }
}

/** Runs fn holding the document lock, so two checks never interleave their writes. */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) throw new UserError(M.busy);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
