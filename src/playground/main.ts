/**
 * npm start: serve the playground on 127.0.0.1 (PORT, default 8787). The same bundle is the
 * playground's worker thread (worker.ts) when started as one.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { startPlayground } from './server';
import { runSessionWorker, WORKER_ROLE, type WorkerData } from './worker';

/** The message for a port another program holds: which one, and how to pick another. */
function portBusy(port: number): string {
  const next = port + 1;
  return (
    `พอร์ต ${port} ถูกโปรแกรมอื่นใช้อยู่ (อาจเป็น playground ที่เปิดไว้แล้ว): ปิดโปรแกรมนั้น หรือเลือกพอร์ตอื่น เช่น PORT=${next} npm start\n` +
    `Port ${port} is already in use (perhaps by a playground already running): stop it, or choose another port, e.g. PORT=${next} npm start\n`
  );
}

async function serve(): Promise<void> {
  const raw = process.env.PORT ?? '8787';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    process.stderr.write(`PORT "${raw}" ไม่ใช่หมายเลขพอร์ต (0–65535) · is not a port number (0–65535)\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const playground = await startPlayground({ port });
    process.stdout.write(
      `DMC playground: ${playground.url}\nเปิดลิงก์นี้ในเบราว์เซอร์ (open it in a browser); Ctrl+C เพื่อหยุด (to stop)\n`,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') process.stderr.write(portBusy(port));
    else if (code === 'EACCES') {
      process.stderr.write(
        `ไม่มีสิทธิ์ใช้พอร์ต ${port}: เลือกพอร์ตที่สูงกว่า 1024 เช่น PORT=8788 npm start\n` +
          `No permission to use port ${port}: choose one above 1024, e.g. PORT=8788 npm start\n`,
      );
    } else process.stderr.write(`เริ่ม playground ไม่ได้ · could not start the playground: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (isMainThread) await serve();
else if ((workerData as WorkerData | undefined)?.role === WORKER_ROLE) await runSessionWorker();
