/** The floor: a bare socket.io server on 127.0.0.1 that acks every `echo` with its payload. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { selfDestructAfter } from './lib/child';

selfDestructAfter(Number(process.argv[2] ?? 120_000));
const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.on('echo', (payload: unknown, ack: (a: unknown) => void) => ack({ ok: true, data: payload }));
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
process.on('message', (m: { type: string }) => {
  if (m.type === 'usage') process.send!({ type: 'usage', cpu: process.cpuUsage(), memory: process.memoryUsage() });
  if (m.type === 'stop') io.close(() => process.exit(0));
});
