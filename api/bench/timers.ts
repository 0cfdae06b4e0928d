/**
 * Durable timers in a copied city. A city cloned "within the last three weeks" holds timers that fell
 * due while nobody ran it; a live server fires each as it falls due, so before a run the backlog is
 * marked fired (as if on time) instead of letting the first scheduler ticks replay it during the figures.
 */
import Database from 'better-sqlite3';

import { closeDb, openDb } from '../src/db/client.js';
import { pruneHistory, type TPruned } from '../src/ops/prune-history.js';

const OPEN = 'fired_at is null and cancelled_at is null';

export function markBacklogFired(file: string, now = new Date()): number {
  const c = new Database(file);
  try {
    return c.prepare(`update timers set fired_at = due_at where ${OPEN} and due_at <= ?`).run(now.toISOString())
      .changes;
  } finally {
    c.close();
  }
}

/** Brings the `n` soonest open timers due now (beside the running server; its scheduler picks them up). */
export function makeTimersDue(file: string, n: number, now = new Date()): number {
  const c = new Database(file);
  c.pragma('busy_timeout = 10000');
  try {
    return c
      .prepare(
        `update timers set due_at = ? where id in (select id from timers where ${OPEN} order by due_at, id limit ?)`,
      )
      .run(now.toISOString(), n).changes;
  } finally {
    c.close();
  }
}

export function dueTimers(file: string, now = new Date()): number {
  const c = new Database(file, { readonly: true });
  try {
    return (
      c.prepare(`select count(*) n from timers where ${OPEN} and due_at <= ?`).get(now.toISOString()) as { n: number }
    ).n;
  } finally {
    c.close();
  }
}

/**
 * The history a live server would already have pruned (ops/prune-history.ts): a generated city keeps every
 * fired timer and old notification, and the server's first prune, a minute after it starts, would walk
 * millions of them while the figures are taken (at 1M on PostgreSQL, 40 s of database time in one run).
 */
export async function pruneBacklog(file: string, now = new Date()): Promise<TPruned> {
  const db = openDb(file);
  try {
    return await pruneHistory(db, now);
  } finally {
    closeDb(db);
  }
}
