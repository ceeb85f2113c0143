/** The command line of `npm run bench`: which sections to run, and how big. */

export const SECTIONS = ['pipeline', 'scaling', 'transforms', 'ftfy', 'startup', 'batch'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  help: boolean;
  /** The sections to run, in the order of SECTIONS. */
  sections: Section[];
  /** Input sizes of the scaling section, MB (10^6 bytes). */
  sizesMB: number[];
  /** Runs of each measure (start-up: twice as many); undefined for the defaults (5, --quick 3). */
  runs?: number;
}

export const FULL_SIZES_MB = [0.1, 1, 4, 16, 64];
export const QUICK_SIZES_MB = [0.1, 1, 4];

export const USAGE = `npm run bench [-- options]   speed and memory of dist/ and bin/ on ../shared/corpus

  --quick            a smaller run (fewer runs, smaller inputs)
  --json             print the results as JSON
  --only <sections>  run only these sections (comma-separated): ${SECTIONS.join(', ')}
  --sizes <MB,...>   input sizes of the scaling section (default ${FULL_SIZES_MB.join(',')}; --quick ${QUICK_SIZES_MB.join(',')})
  --runs <n>         runs of each measure, medians taken (default 5, --quick 3; start-up twice as many)
  -h, --help         this help`;

/** Parse the arguments; throws an Error whose message says what is wrong. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, json: false, help: false, sections: [...SECTIONS], sizesMB: [] };
  let sizes: number[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--quick') args.quick = true;
    else if (name === '--json') args.json = true;
    else if (name === '--help' || name === '-h') args.help = true;
    else if (name === '--only') {
      const wanted = value()
        .split(',')
        .map((s) => s.trim());
      const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (unknown.length > 0)
        throw new Error(`--only: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
      args.sections = SECTIONS.filter((s) => wanted.includes(s));
    } else if (name === '--sizes') {
      const text = value();
      sizes = text.split(',').map(Number);
      if (sizes.some((s) => !Number.isFinite(s) || s <= 0))
        throw new Error(`--sizes: expected sizes in MB such as 0.1,1,4, got "${text}"`);
    } else if (name === '--runs') {
      const text = value();
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--runs: expected a whole number of runs, got "${text}"`);
      args.runs = n;
    } else throw new Error(`unknown option ${arg}; see --help`);
  }
  args.sizesMB = sizes ?? (args.quick ? QUICK_SIZES_MB : FULL_SIZES_MB);
  return args;
}
