/** npm start: serve the playground on 127.0.0.1 (PORT, default 8787). */
import { startPlayground } from './server';

const port = Number(process.env.PORT ?? 8787);
const playground = await startPlayground({ port });
process.stdout.write(`DMC playground: ${playground.url}\nเปิดลิงก์นี้ในเบราว์เซอร์ (open it in a browser); Ctrl+C to stop\n`);
