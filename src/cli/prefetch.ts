/**
 * Input files read while the command's code is still loading. Reading a large file is mostly the
 * kernel copying it into fresh memory, which a thread of Node's pool does in one read while the main
 * thread compiles the checker; the reader then takes the bytes instead of reading the file again.
 * Only a speed-up: any file it cannot read whole (missing, a folder, too large, an error) is left to
 * the reader, which reads it itself and says what is wrong.
 */
import { fstat, open, read, close } from 'node:fs';
import { inputPaths } from './args';
import { LIMITS } from './input-error';

const pending = new Map<string, Promise<Buffer | null>>();

/** The whole of the regular file at `path` in one buffer, or null. */
function readWhole(path: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    open(path, 'r', (err, fd) => {
      if (err) return resolve(null);
      const done = (bytes: Buffer | null) => close(fd, () => resolve(bytes));
      fstat(fd, (err, s) => {
        if (err || !s.isFile() || s.size > LIMITS.fileBytes) return done(null);
        const buf = Buffer.allocUnsafeSlow(s.size);
        // One read for the whole file (the kernel's copy happens off the main thread); more only when
        // it comes back short.
        const more = (at: number): void => {
          if (at === buf.length) return done(buf);
          read(fd, buf, at, buf.length - at, at, (err, n) => {
            if (err) return done(null);
            if (n === 0) return done(buf.subarray(0, at));
            more(at + n);
          });
        };
        more(0);
      });
    });
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
