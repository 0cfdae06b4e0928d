import type { DraftReview } from '../../types/contract';

export const REFERENCE_KINDS = ['indicator-systems', 'whitelists', 'checklists', 'award-rubrics'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type ReferenceDoc = DraftReview & {
  id: string;
  kind: string;
  key: string;
  version: number;
  status: 'draft' | 'published';
  name: string;
  content: Record<string, unknown>;
  createdAt: string;
  publishedAt: string | null;
};
