export const REFERENCE_KINDS = ['indicator-systems', 'whitelists', 'checklists', 'award-rubrics'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type { ReferenceDoc } from '../../types/contract';
