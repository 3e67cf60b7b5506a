/**
 * The playground's web server over HTTP (issue 10, item 8; issue 12): bad requests get 400 with a
 * message, refusals name the real limit, a long check does not stop the server answering, files
 * load whole workbooks and keep the saved settings, and a busy port is said plainly.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../src/core/xlsx';
import { LIMITS, startPlayground, type Playground } from '../src/playground/server';
import { roster, SCHOOL_SETTINGS } from './support/rules';

let playground: Playground;
const url = (p: string) => new URL(p, playground.url).href;
const post = (p: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(url(p), { method: 'POST', body, headers });
const csvOf = (rows: unknown[][]) =>
  rows.map((r) => r.map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')).join('\n');

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
}, 60_000);
afterAll(async () => {
  await playground?.close();
});

describe('requests the server refuses', () => {
  it('answers malformed JSON with 400 and a message in Thai and English, not 500', async () => {
    for (const [path, body] of [
      ['api/run/getSidebarState', '{not json'],
      ['api/edit', '['],
      ['api/activate', 'sheet=x'],
      ['api/edit', '{"sheet": 1}'],
    ] as const) {
      const r = await post(path, body);
      expect(r.status, `${path} ${body}`).toBe(400);
      const { error } = (await r.json()) as { error: { th: string; en: string } };
      expect(error.th).toMatch(/ข้อมูลที่ส่งมา/);
      expect(error.en).toMatch(/request/i);
    }
    // The server still works afterwards.
    expect((await fetch(url('api/state'))).status).toBe(200);
  });

  it('names the real limit of each route when a body is too large', async () => {
    const run = await post('api/run/getSidebarState', 'x'.repeat(LIMITS.run + 10));
    expect(run.status).toBe(413);
    const runError = ((await run.json()) as { error: { th: string; en: string } }).error;
    expect(runError.en).toContain('1 MB');
    expect(runError.th).toContain('1 MB');
    const upload = await post('api/load', new Uint8Array(LIMITS.upload + 10), { 'x-filename': 'big.csv' });
    expect(upload.status).toBe(413);
    expect(((await upload.json()) as { error: { en: string } }).error.en).toContain('20 MB');
  });

  it('says which file and why when a file cannot be read, in both languages', async () => {
    for (const [name, th] of [
      ['roster.ods', '.xlsx หรือ .csv'],
      ['roster.xls', '.xlsx'],
      ['broken.xlsx', 'ไม่ใช่ไฟล์ .xlsx'],
    ]) {
      const r = await post('api/load', 'PK\u0003\u0004 this is no workbook', { 'x-filename': name! });
      expect(r.status).toBe(400);
      const { error } = (await r.json()) as { error: { th: string; en: string } };
      expect(error.th).toContain(name);
      expect(error.th).toContain(th);
      expect(error.en).toMatch(/[a-z]/);
    }
    // Nothing was replaced: the example is still loaded.
    const state = (await (await fetch(url('api/state'))).json()) as { source: { example: boolean } };
    expect(state.source.example).toBe(true);
  });
});

describe('files and settings', () => {
  it('loads every sheet of a workbook and keeps the saved settings across files and a reset', async () => {
    await post('api/reset', '');
    const saved = await post('api/run/saveSettings', JSON.stringify([{ ...SCHOOL_SETTINGS, sheetScope: 'all' }]));
    expect(await saved.json()).toMatchObject({ ok: true, data: { saved: true } });
    const xlsx = writeXlsx([
      { name: 'คำอธิบาย', rows: [['กรอกรายชื่อในแผ่นงานของแต่ละห้อง']] },
      { name: 'ป.6-1', rows: roster({}) as string[][] },
      { name: 'ป.6-2', rows: roster({ row: { sid: '30000' } }) as string[][] },
    ]);
    const r = await post('api/load', Buffer.from(xlsx), { 'x-filename': encodeURIComponent('ห้องเรียน.xlsx') });
    expect(r.status).toBe(200);
    const state = (await r.json()) as { sheets: Array<{ name: string }>; source: { name: string; example: boolean } };
    expect(state.sheets.map((s) => s.name)).toEqual(['คำอธิบาย', 'ป.6-1', 'ป.6-2']);
    expect(state.source).toEqual({ name: 'ห้องเรียน.xlsx', example: false });
    const settings = async () =>
      ((await (await post('api/run/getSidebarState', '[]')).json()) as { data: { settings: Record<string, unknown> } })
        .data.settings;
    expect(await settings()).toMatchObject({ schoolName: SCHOOL_SETTINGS.schoolName, sheetScope: 'all' });
    await post('api/reset', '');
    expect(await settings()).toMatchObject({ officerName: SCHOOL_SETTINGS.officerName, sheetScope: 'all' });
  });

  it('forgets a named DMC sheet the newly opened file does not have, keeps it when the file has it', async () => {
    await post('api/reset', '');
    const xlsx = (dmc: string) =>
      Buffer.from(
        writeXlsx([
          { name: 'ป.6', rows: roster({}) as string[][] },
          { name: dmc, rows: roster({}) as string[][] },
        ]),
      );
    const open = (dmc: string) => post('api/load', xlsx(dmc), { 'x-filename': encodeURIComponent(`${dmc}.xlsx`) });
    const settings = async () =>
      ((await (await post('api/run/getSidebarState', '[]')).json()) as { data: { settings: Record<string, unknown> } })
        .data.settings;
    expect((await open('DMC')).status).toBe(200);
    await post('api/run/saveSettings', JSON.stringify([{ ...SCHOOL_SETTINGS, dmcSheet: 'DMC' }]));
    expect((await open('DMC')).status).toBe(200);
    expect(await settings()).toMatchObject({ dmcSheet: 'DMC', schoolName: SCHOOL_SETTINGS.schoolName });
    expect((await open('ข้อมูล DMC')).status).toBe(200);
    expect(await settings()).toMatchObject({ dmcSheet: '', schoolName: SCHOOL_SETTINGS.schoolName });
  });
});

describe('a long check', () => {
  it('does not stop the server from answering; the state says it is busy', async () => {
    const rows = roster({ more: Array.from({ length: 2_000 }, (_, i) => ({ sid: String(40_000 + i) })) });
    expect((await post('api/load', csvOf(rows), { 'x-filename': 'big.csv' })).status).toBe(200);
    const order: string[] = [];
    const started = Date.now();
    const check = post('api/run/checkRoster', '[]').then(async (r) => {
      order.push('check');
      return { body: (await r.json()) as { ok: boolean }, ms: Date.now() - started };
    });
    // Let the request reach the worker.
    await new Promise((r) => setTimeout(r, 100));
    const page = await fetch(url(''));
    order.push('page');
    expect(page.status).toBe(200);
    const busy = (await (await fetch(url('api/busy'))).json()) as { busy: boolean; pending: number };
    order.push('busy');
    const done = await check;
    expect(done.body.ok).toBe(true);
    // Served while the check ran, not after it.
    expect(order.indexOf('page')).toBeLessThan(order.indexOf('check'));
    expect(busy).toMatchObject({ busy: true, pending: 1 });
    expect((await (await fetch(url('api/busy'))).json()) as { busy: boolean }).toMatchObject({ busy: false });
    await post('api/reset', '');
  }, 60_000);
});

describe('npm start', () => {
  it('on a busy port names the port and how to choose another, with no stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, [new URL('../build/playground.mjs', import.meta.url).pathname], {
        env: { ...process.env, PORT: String(port) },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(stderr).toContain(`พอร์ต ${port}`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
      expect(stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      blocker.close();
    }
  }, 30_000);
});
