import { z } from 'zod';

// The diff reads drafts too, which may be half-built: a tolerant view of the document, not the engine's schema.
const zText = z.object({ 'zh-CN': z.string().default(''), en: z.string().default('') }).partial();
const zLooseField = z.looseObject({ name: z.string(), type: z.string().optional(), label: zText.optional() });
const zLooseForm = z.looseObject({
  fields: z.array(zLooseField).default([]),
  permissions: z.record(z.string(), z.string()).optional(),
});
const zLooseTransition = z.looseObject({ to: z.string().optional(), label: zText.optional() });
export const zLooseState = z.looseObject({
  kind: z.string().optional(),
  name: zText.optional(),
  on: z.record(z.string(), zLooseTransition).optional(),
  form: zLooseForm.optional(),
  deadline: z.unknown().optional(),
  blocks: z.unknown().optional(),
});
export const zLooseDefinition = z.looseObject({
  name: zText.optional(),
  title: zText.optional(),
  initial: z.string().optional(),
  starters: z.unknown().optional(),
  startForm: zLooseForm.optional(),
  startBlocks: z.unknown().optional(),
  states: z.record(z.string(), zLooseState).default({}),
});
export type TLooseDefinition = z.infer<typeof zLooseDefinition>;
export type TLooseState = z.infer<typeof zLooseState>;
export type TLooseForm = z.infer<typeof zLooseForm>;

export function looseDefinition(doc: unknown): TLooseDefinition {
  const parsed = zLooseDefinition.safeParse(doc);
  return parsed.success ? parsed.data : { states: {} };
}
