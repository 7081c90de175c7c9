/** Where the import tells how far it is: a redrawn bar on a terminal, a plain line now and then otherwise. */
export interface Progress {
  tick(done: number, failed: number): void;
  finish(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function createProgress(total: number, out: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const tty = out.isTTY === true;
  let lastDraw = 0;
  let lastLineAt = 0;
  let lastLineDone = 0;
  let state = { done: 0, failed: 0 };

  const status = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? state.done / elapsed : 0;
    const eta = rate > 0 ? (total - state.done) / rate : Number.POSITIVE_INFINITY;
    return { rate, eta, percent: total ? Math.floor((state.done / total) * 100) : 100 };
  };
  const draw = () => {
    const { rate, eta, percent } = status();
    const width = 30;
    const filled = total ? Math.round((state.done / total) * width) : width;
    const failed = state.failed ? `  ${state.failed} failed` : '';
    out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${state.done}/${total} ${percent}%  ${rate.toFixed(1)} rows/s  ETA ${duration(eta)}${failed}\x1b[K`);
  };
  const line = () => {
    const { rate, eta, percent } = status();
    out.write(`import: ${state.done}/${total} rows (${percent}%), ${rate.toFixed(1)} rows/s, about ${duration(eta)} left, ${state.failed} failed\n`);
  };

  return {
    tick(done, failed) {
      state = { done, failed };
      const now = Date.now();
      if (tty) {
        // Redraw at most ten times a second: drawing is cheaper than the import, but not free.
        if (now - lastDraw >= 100 || done === total) {
          lastDraw = now;
          draw();
        }
        return;
      }
      // A log (CI, a file) gets a line per 10 % or per 10 s, whichever comes first.
      if (done - lastLineDone >= Math.max(1, Math.ceil(total / 10)) || now - lastLineAt >= 10_000) {
        lastLineAt = now;
        lastLineDone = done;
        line();
      }
    },
    finish() {
      if (tty) {
        draw();
        out.write('\n');
      } else if (lastLineDone !== state.done) line();
    },
  };
}
