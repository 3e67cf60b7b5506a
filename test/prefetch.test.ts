import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, READ_ERRORS } from '../src/cli/input-error';
import { inputPaths } from '../src/cli/args';
import { prefetch, takePrefetched } from '../src/cli/prefetch';
import { readWorkbook } from '../src/cli/read';
import { withCheckDigit } from '../src/core/thai-id';

const dir = mkdtempSync(join(tmpdir(), 'dmc-prefetch-'));

describe('prefetch: input files read while the code loads', () => {
  it('names the rosters and the DMC download, not the files the command writes', () => {
    expect(inputPaths(['a.csv', '--format', 'json', 'b.xlsx', '--dmc', 'dmc.xlsx', '--fix', 'out.csv'])).toEqual([
      'a.csv',
      'b.xlsx',
      'dmc.xlsx',
    ]);
    expect(inputPaths(['--correction-form', 'form.xlsx', 'a.csv', '--as-of', '2570-03-20'])).toEqual(['a.csv']);
    // Arguments main.ts will refuse: nothing read ahead, the usage error comes from main.ts.
    expect(inputPaths(['a.csv', '--no-such-option'])).toEqual([]);
  });

  it('hands the reader the whole file once, then leaves the path to it', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7, 'ก,1\n');
    const path = join(dir, 'big.csv');
    writeFileSync(path, bytes);
    prefetch([path]);
    const got = await takePrefetched(path);
    expect(got?.equals(bytes)).toBe(true);
    expect(takePrefetched(path)).toBeNull();
    expect(takePrefetched(join(dir, 'never-asked.csv'))).toBeNull();
  });

  it('reads nothing it cannot read whole: the reader reads the file itself and says what is wrong', async () => {
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    const missing = join(dir, 'missing.csv');
    prefetch([folder, missing]);
    expect(await takePrefetched(folder)).toBeNull();
    expect(await takePrefetched(missing)).toBeNull();
    prefetch([folder, missing]);
    await expect(readWorkbook(folder)).rejects.toEqual(new InputError(READ_ERRORS.folder));
    await expect(readWorkbook(missing)).rejects.toEqual(new InputError(READ_ERRORS.notFound));
  });

  it('never opens a named pipe, which would wait for a writer', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    prefetch([fifo]);
    expect(await takePrefetched(fifo)).toBeNull();
  });

  it('the roster read from prefetched bytes is the roster read from the file', async () => {
    const path = join(dir, 'roster.csv');
    writeFileSync(path, `\ufeffเลขประจำตัวประชาชน,ชื่อ\n${withCheckDigit('110370000001')},สมชาย\n`);
    const direct = await readWorkbook(path);
    prefetch([path]);
    expect(await readWorkbook(path)).toEqual(direct);
    expect(takePrefetched(path)).toBeNull();
  });
});
