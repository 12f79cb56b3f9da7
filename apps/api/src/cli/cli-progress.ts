// A progress bar on stderr (stdout stays for the summary). On a terminal it redraws one line;
// otherwise (a pipe, a log file) it prints a line at each tenth.
const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream) {
  const isTty = Boolean(stream.isTTY);
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  return {
    update(done: number, total: number, rows: number) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const line = `[${'#'.repeat(Math.round(fraction * WIDTH)).padEnd(WIDTH, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${rows.toLocaleString('en')} rows, ${mb(done)} of ${mb(total)}`;
      if (isTty) {
        const t = Date.now();
        if (t - lastDraw < 100 && fraction < 1) return;
        lastDraw = t;
        stream.write(`\r${line}`);
        drawn = true;
      } else if (Math.floor(fraction * 10) > lastTenth) {
        lastTenth = Math.floor(fraction * 10);
        stream.write(`${line}\n`);
      }
    },
    log(message: string) {
      stream.write(`${isTty && drawn ? '\r\x1b[K' : ''}${message}\n`);
    },
    done() {
      if (isTty && drawn) stream.write('\n');
    },
  };
}
