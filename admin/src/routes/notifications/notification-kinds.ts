/** The API's notification kinds (notifications.types.ts) and the tag colour each shows with. */
export const NOTIFICATION_KINDS = [
  'entered',
  'reminder',
  'escalation',
  'chase',
  'copy',
  'sign',
  'returned',
  'security',
  'refused',
] as const;
export const KIND_COLORS: Record<string, string> = {
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
