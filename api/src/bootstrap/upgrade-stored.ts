import type { Db } from '../db/client.js';
import { declareReportTallies } from '../features/reports/declare-report-tallies.js';
import { declareTemplateBlocks } from './declare-template-blocks.js';
import { fillPeriods } from './fill-periods.js';
import { declareTemplateTitles, fillTitles } from './fill-titles.js';

/**
 * What a start does to a database once its migrations ran: rows and versions stored before a feature
 * existed get what it needs, each step finding nothing to do on later starts. The server runs it, and so
 * does the bench on a cached city, so a measured start is an ordinary restart.
 */
export async function upgradeStored(db: Db): Promise<void> {
  const clock = () => new Date();
  // Versions stored before blocks existed declare the blocks their built-in key used to imply (ADR 0010).
  await declareTemplateBlocks({ db, clock });
  // Rows stored before the reporting-period column get theirs once (issue 11).
  await fillPeriods({ db });
  // Versions stored before instance titles declare the built-in one; rows from before migration 0026 get theirs (issue 12).
  await declareTemplateTitles({ db, clock });
  await fillTitles({ db });
  // Versions published before the report tallies (campus entry, award levels) get theirs once (issue 11).
  await declareReportTallies({ db });
}
