import { Divider, Form } from 'antd';
import { useTranslation } from 'react-i18next';

import { UserPicker } from '../../components/user-picker';
import type { DefinitionDocument, RoleCode } from '../../types/contract';

export const ASSIGN_PREFIX = '__assign_';

/** Roles the definition routes to people named on the instance (`scope: "assigned"`), e.g. the inspector. */
export function assignedRoles(definition: DefinitionDocument | undefined): RoleCode[] {
  const roles = new Set<RoleCode>();
  for (const s of Object.values(definition?.states ?? {})) {
    // Who acts where: a task's or collect step's actors, a review's assignees (other kinds have neither).
    const rules = [...('actors' in s ? s.actors : []), ...('assignees' in s ? [s.assignees] : [])];
    for (const rule of rules) {
      if (rule.scope === 'assigned') roles.add(rule.role);
    }
  }
  return [...roles];
}

/** Splits `__assign_<role>` form values into the contract's `assignments: { role: [userId] }`. */
export function takeAssignments(values: Record<string, unknown>): {
  assignments?: Record<string, string[]>;
  rest: Record<string, unknown>;
} {
  const assignments: Record<string, string[]> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(ASSIGN_PREFIX)) {
      if (Array.isArray(value) && value.length) assignments[key.slice(ASSIGN_PREFIX.length)] = value.map(String);
    } else rest[key] = value;
  }
  return { assignments: Object.keys(assignments).length ? assignments : undefined, rest };
}

/** 指派人员: one picker per assigned role, offering only people who hold that role. */
export function AssignmentFields({ roles }: { roles: RoleCode[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return null;
  return (
    <>
      <Divider orientation="left" plain>
        {t('instances.assignments')}
      </Divider>
      {roles.map((role) => (
        <Form.Item
          key={role}
          name={`${ASSIGN_PREFIX}${role}`}
          label={t(`roles.${role}`)}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('instances.assignRequired', { role: t(`roles.${role}`) }),
            },
          ]}
        >
          <UserPicker
            multiple
            role={role}
            placeholder={t('instances.assignPlaceholder', { role: t(`roles.${role}`) })}
          />
        </Form.Item>
      ))}
    </>
  );
}
