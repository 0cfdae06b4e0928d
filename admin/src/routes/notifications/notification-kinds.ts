import { notificationKindValues } from '../../api/schema.gen';
import type { NotificationKind } from '../../types/contract';

/** The API's notification kinds, from its OpenAPI document (the `NotificationKind` enum). */
export const NOTIFICATION_KINDS = notificationKindValues;
/** The tag colour each kind shows with: a new kind in the API fails the typecheck until it has one. */
export const KIND_COLORS: Record<NotificationKind, string> = {
  reminder: 'gold',
  escalation: 'red',
  chase: 'orange',
  copy: 'blue',
  entered: 'green',
  sign: 'purple',
  returned: 'volcano',
  security: 'magenta',
  refused: 'volcano',
};
