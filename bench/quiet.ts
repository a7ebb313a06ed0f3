// A logger that drops everything: the benchmark's bundler and workers print only the benchmark's own lines.
export const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
