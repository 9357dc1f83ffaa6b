/** One line of bench/results.json. */
export interface Result {
  name: string;
  unit: string;
  ours: number;
  /** null where there is no peer to measure against (a figure kept for the record, such as seeding time). */
  baseline: number | null;
  baselineName: string | null;
  /** baseline / ours for times and sizes (above 1: we are faster or smaller); for counts of right answers ours / baseline. */
  ratio: number | null;
}

/** A benchmark module: `run` measures and returns its lines; `needs` says what it needs to run at all. */
export interface BenchModule {
  /** Short id, used on the command line: `npm run bench -- parse anchor`. */
  id: string;
  /** Whether it needs the built extension in dist/ and Chromium. */
  browser?: boolean;
  run(): Promise<Result[]>;
}

/** ratio = baseline / ours: above 1 means we take less time or fewer bytes. */
export function lessIsBetter(name: string, unit: string, ours: number, baseline: number | null, baselineName: string | null): Result {
  return { name, unit, ours, baseline, baselineName, ratio: baseline === null || ours === 0 ? null : baseline / ours };
}

/** ratio = ours / baseline: above 1 means we do more (throughput, right answers). */
export function moreIsBetter(name: string, unit: string, ours: number, baseline: number | null, baselineName: string | null): Result {
  return { name, unit, ours, baseline, baselineName, ratio: baseline === null || baseline === 0 ? null : ours / baseline };
}
