/** `npm run bench -- [--scales 0.02,1 | --scale 0.02] [--reuse] [--duration 10] [--connections 50] [--prebuilt 1=<db>] [--cpu-prof] [--out docs/bench/latest]` */
export type TOptions = {
  scales: number[];
  reuse: boolean;
  durationMs: number;
  connections: number;
  prebuilt: Map<number, string>;
  cpuProf: boolean;
  out: string;
};

export const USAGE = `npm run bench -- [options]
  --scales 0.02,1     city sizes in millions of instances (10 audit events each); default 0.02,1
  --scale 0.02        one size (a quick run)
  --reuse             reuse databases cached in .bench/ (built otherwise)
  --duration 10       seconds of each load (after a 1 s warm-up)
  --connections 50    concurrent keep-alive connections for the event load
  --prebuilt 1=<db>   use a database buildCityDb already built at that scale (hard-linked into .bench/)
  --cpu-prof          profile the API server (node --cpu-prof) into .bench/profiles/<scale>/; figures get slower
  --out <path>        report files <path>.md and <path>.json; default docs/bench/latest`;

export function parseOptions(argv: string[]): TOptions {
  const o: TOptions = {
    scales: [0.02, 1],
    reuse: false,
    durationMs: 10_000,
    connections: 50,
    prebuilt: new Map(),
    cpuProf: false,
    out: 'docs/bench/latest',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--scales' || arg === '--scale') o.scales = value().split(',').map(Number);
    else if (arg === '--reuse') o.reuse = true;
    else if (arg === '--cpu-prof') o.cpuProf = true;
    else if (arg === '--duration') o.durationMs = Number(value()) * 1000;
    else if (arg === '--connections') o.connections = Number(value());
    else if (arg === '--prebuilt') {
      const [scale, file] = value().split('=');
      o.prebuilt.set(Number(scale), file);
    } else if (arg === '--out') o.out = value();
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (!o.scales.length || o.scales.some((s) => !(s > 0)))
    throw new Error(`--scales must be positive numbers\n${USAGE}`);
  if (!(o.durationMs > 0) || !(o.connections > 0))
    throw new Error(`--duration and --connections must be positive\n${USAGE}`);
  return o;
}
