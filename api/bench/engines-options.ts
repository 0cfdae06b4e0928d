/** `npm run bench:engines -- [options]` (USAGE below). */
export type TEnginesOptions = {
  scales: number[];
  rebuild: boolean;
  durationMs: number;
  connections: number;
  rounds: number;
  durable: boolean;
  cpus: string;
  out: string;
  /** PostgreSQL statements slower than this have their plans logged and reported (auto_explain). */
  slowMs: number;
  /** The configurations to run (keys of CONFIGURATIONS); all by default. */
  configs: string[] | null;
  /** Profile every API node (node --cpu-prof) into .bench/profiles/engines/. */
  cpuProf: boolean;
};

export const USAGE = `npm run bench:engines -- [options]
  --scale 0.02          city size in millions of instances (1 = 1M: hours to build the first time); default 0.02
  --scales 0.02,1       several sizes, one after the other
  --rebuild             build the city again instead of reusing .bench/city-<scale>.db
  --duration 10         seconds of the event load (after a 1 s warm-up), the same for every configuration
  --connections 50      keep-alive connections of the event load (spread over the nodes)
  --rounds 1            run the three configurations this many times, in turn (A B C A B C …)
  --pg-durability on    on: PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes); off: the tests' settings
  --server-cpus 1       taskset cores for the API nodes and PostgreSQL (the load generator runs on core 0)
  --slow-ms 50          PostgreSQL statements slower than this are reported with their plans (auto_explain)
  --configs sqlite-1,pg-1  only these configurations (sqlite-1, pg-1, pg-2); all by default
  --cpu-prof            profile each API node (node --cpu-prof) into .bench/profiles/engines/; figures get slower
  --out <path>          report files <path>.md and <path>.json; default docs/bench/engines`;

export function parseEnginesOptions(argv: string[]): TEnginesOptions {
  const o: TEnginesOptions = {
    scales: [0.02],
    rebuild: false,
    durationMs: 10_000,
    connections: 50,
    rounds: 1,
    durable: true,
    cpus: '1',
    out: 'docs/bench/engines',
    slowMs: 50,
    configs: null,
    cpuProf: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--scales' || arg === '--scale') o.scales = value().split(',').map(Number);
    else if (arg === '--rebuild') o.rebuild = true;
    else if (arg === '--duration') o.durationMs = Number(value()) * 1000;
    else if (arg === '--connections') o.connections = Number(value());
    else if (arg === '--rounds') o.rounds = Number(value());
    else if (arg === '--pg-durability') {
      const v = value();
      if (v !== 'on' && v !== 'off') throw new Error(`--pg-durability is on or off\n${USAGE}`);
      o.durable = v === 'on';
    } else if (arg === '--server-cpus') o.cpus = value();
    else if (arg === '--out') o.out = value();
    else if (arg === '--slow-ms') o.slowMs = Number(value());
    else if (arg === '--configs') o.configs = value().split(',');
    else if (arg === '--cpu-prof') o.cpuProf = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (!o.scales.length || o.scales.some((s) => !(s > 0))) throw new Error(`--scale must be positive\n${USAGE}`);
  if (!(o.slowMs >= 0)) throw new Error(`--slow-ms must be a number of milliseconds\n${USAGE}`);
  if (!(o.durationMs > 0) || !(o.connections > 0) || !(Number.isInteger(o.rounds) && o.rounds > 0))
    throw new Error(`--duration, --connections and --rounds must be positive\n${USAGE}`);
  if (!/^[0-9,-]+$/.test(o.cpus)) throw new Error(`--server-cpus takes a taskset list such as 1 or 1-3\n${USAGE}`);
  return o;
}
