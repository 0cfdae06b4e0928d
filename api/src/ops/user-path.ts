import { resolve } from 'node:path';

/** A path typed by the operator: npm runs scripts from the repository root, INIT_CWD is where they typed it. */
export const userPath = (path: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), path);
