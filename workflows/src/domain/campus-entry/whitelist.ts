import { zLocalizedText } from '../../definition/schema.js';
import { z } from '../../zod.js';

/** One whitelisted social affair (社会事务进校园白名单 item). */
export const zWhitelistItem = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  leadUnit: z.string().min(1),
  basis: z.string().min(1),
  content: z.string().min(1),
  form: z.string().min(1),
  /** School kinds or grades it may reach; empty = all. */
  scope: z.array(z.string()).default([]),
  window: z.object({ from: z.string().date(), to: z.string().date() }),
  /** At most this many times per school per semester. */
  frequencyPerSemester: z.number().int().positive(),
});
export type TWhitelistItem = z.infer<typeof zWhitelistItem>;

export const zWhitelist = z.object({
  year: z.number().int(),
  items: z.array(zWhitelistItem).min(1),
  /** Social-affair activities a school may receive per semester (6 in the demo district). */
  schoolCapPerSemester: z.number().int().positive().default(6),
  /** Days a request must be filed ahead of the activity (one month by default). */
  leadTimeDays: z.number().int().nonnegative().default(30),
  publishedAt: z.string().nullable().default(null),
  approvedBy: zLocalizedText.optional(),
});
export type TWhitelist = z.infer<typeof zWhitelist>;

/** Chinese school semesters: autumn runs September–January, spring February–August. */
export function semesterOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  if (m >= 9) return `${y}-autumn`;
  if (m === 1) return `${y - 1}-autumn`;
  return `${y}-spring`;
}
