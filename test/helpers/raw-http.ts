import { connect } from 'node:net';

/** Sends raw bytes to 127.0.0.1:port and returns everything the server answers before closing or `waitMs`. */
export function rawHttp(port: number, request: string, waitMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c: Buffer) => {
      answer += c.toString('utf8');
      // One full response is enough: headers plus a body of the announced length.
      const m = /content-length: (\d+)/i.exec(answer);
      const head = answer.indexOf('\r\n\r\n');
      if (m && head !== -1 && Buffer.byteLength(answer.slice(head + 4)) >= Number(m[1])) done();
    });
    socket.on('end', done);
    socket.on('error', reject);
    socket.write(request);
  });
}
