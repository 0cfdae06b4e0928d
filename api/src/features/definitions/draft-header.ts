import { zLocalizedText } from '@eduflow/workflows';
import { z } from 'zod';

/**
 * The little a draft must say to be stored at all while it is still being built: its key, names and
 * subject fill the row's columns; everything else is checked by parseDefinition() when publishing.
 */
export const zDraftHeader = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: zLocalizedText,
  subject: z.enum(['school', 'group', 'district']),
});
