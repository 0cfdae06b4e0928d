export * from './assessment/rollup.js';
export * from './awards/assign-experts.js';
export * from './awards/scoring.js';
export * from './campus-entry/check-request.js';
export * from './campus-entry/whitelist.js';
export * from './inspections/findings.js';
