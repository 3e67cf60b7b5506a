/**
 * Input files read while the command's code is still loading. Reading a large file is mostly the
 * kernel copying it into fresh memory, which a thread of Node's pool does in one read while the main
 * thread compiles the checker; the reader then takes the bytes instead of reading the file again.
 * Only a speed-up: any file it cannot read whole (missing, a folder, too large, an error) is left to
 * the reader, which reads it itself and says what is wrong.
 */
import { close, openSync, read, statSync } from 'node:fs';
import { inputPaths } from './args';
import { LIMITS } from './input-error';

const pending = new Map<string, Promise<Buffer | null>>();

/**
 * The whole of the regular file at `path` in one buffer, or null. Found and opened at once (a stat and an
 * open take microseconds), so that the one read is already under way before the checker's code loads.
 */
function readWhole(path: string): Promise<Buffer | null> {
  let fd: number;
  let buf: Buffer;
  try {
    // A regular file only: opening a named pipe would wait for a writer.
    const s = statSync(path);
    if (!s.isFile() || s.size > LIMITS.fileBytes) return Promise.resolve(null);
    fd = openSync(path, 'r');
    buf = Buffer.allocUnsafeSlow(s.size);
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const done = (bytes: Buffer | null) => close(fd, () => resolve(bytes));
    // One read for the whole file (the kernel's copy happens off the main thread); more only when it
    // comes back short.
    const from = (at: number): void => {
      if (at === buf.length) return done(buf);
      read(fd, buf, at, buf.length - at, at, (err, n) => {
        if (err) done(null);
        else if (n === 0) done(buf.subarray(0, at));
        else from(at + n);
      });
    };
    from(0);
  });
}

/** Starts reading each input file the arguments name. */
export function prefetch(argv: string[]): void {
  for (const path of inputPaths(argv)) if (!pending.has(path)) pending.set(path, readWhole(path));
}

/** The bytes prefetched for `path` (once), or null: the caller reads the file itself. */
export function takePrefetched(path: string): Promise<Buffer | null> | null {
  const p = pending.get(path);
  if (p) pending.delete(path);
  return p ?? null;
}
