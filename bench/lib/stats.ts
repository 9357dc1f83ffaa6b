import { Bench } from 'tinybench';

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface TimedTask {
  name: string;
  fn: () => unknown;
  /** Runs before each timed call, outside the timing (to drop a cache the task must not reuse). */
  beforeEach?: () => void;
}

/**
 * Median milliseconds per call of each task, by tinybench: a warm-up, then `passes` passes over all the
 * tasks, each pass at least `iterations` calls and `time` ms of calls per task; the figure is the median
 * of the passes' medians (p50). Passes take the tasks in turn, in a rotated order, so a peer and ours are
 * measured in the same stretch of time: another process that loads the machine for a while weighs on both.
 */
export async function medianMs(tasks: TimedTask[], { time = 500, iterations = 5, warmupTime = 300, passes = 3 } = {}): Promise<Map<string, number>> {
  const perPass = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  for (let pass = 0; pass < passes; pass++) {
    const bench = new Bench({ time, iterations, warmup: pass === 0, warmupTime, warmupIterations: 3 });
    const order = tasks.map((_, i) => tasks[(i + pass) % tasks.length]);
    for (const task of order) bench.add(task.name, task.fn, task.beforeEach ? { beforeEach: task.beforeEach } : {});
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state === 'errored') throw new Error(`${task.name}: ${result.error.message}`);
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      perPass.get(task.name)!.push(result.latency.p50);
    }
  }
  return new Map([...perPass].map(([name, values]) => [name, median(values)]));
}

/** Median of `runs` calls of an async measurement that returns milliseconds, after `warmup` calls thrown away. */
export async function medianOfRuns(measure: (run: number) => Promise<number>, { runs = 7, warmup = 1 } = {}): Promise<{ median: number; samples: number[] }> {
  for (let i = 0; i < warmup; i++) await measure(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(i));
  return { median: median(samples), samples };
}
