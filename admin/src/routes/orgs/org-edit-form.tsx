import { Alert, App, Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { formLimits } from '../../api/schema.gen';
import { StaleAlert } from '../../components/stale-alert';
import { useSubmit } from '../../hooks/use-submit';
import type { Org } from '../../types/contract';

export type OrgRow = Org;
type Values = {
  name: string;
  shortName?: string;
  code?: string;
  groupKind?: components['schemas']['CreateOrganisationBody']['groupKind'];
};
/** The route's own bounds (generated from its zod schema; creating and editing share them). */
const LIMITS = formLimits.UpdateOrganisationBody;
const FIELDS = ['name', 'shortName', 'code', 'groupKind'] as const;

/**
 * Edits one organisation, or creates a child under `parent`. A 409 means someone saved first: we
 * keep the form read-only until the user reloads their version.
 */
export function OrgEditForm({
  org,
  parent,
  canEdit,
  onSaved,
  onReload,
}: {
  org: OrgRow | null;
  parent: OrgRow | null;
  canEdit: boolean;
  onSaved: (o: OrgRow) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const creating = !org;
  const type = org?.type ?? (parent?.type === 'district' ? 'group' : 'school');
  const save = (v: Values) =>
    creating
      ? call(
          api.POST('/api/orgs', {
            body: {
              type,
              name: v.name,
              shortName: v.shortName || undefined,
              code: v.code || undefined,
              parentId: parent?.id,
              groupKind: type === 'group' ? v.groupKind : undefined,
            },
          }),
        )
      : call(
          api.PATCH('/api/orgs/{id}', {
            params: { path: { id: org.id } },
            body: {
              name: v.name,
              shortName: v.shortName || null,
              code: v.code || null,
              ...(org.type === 'group' && v.groupKind ? { groupKind: v.groupKind } : {}),
              expectedVersion: org.version ?? 1,
            },
          }),
        );
  const { submit, pending, error, errorText, clearError } = useSubmit(
    async (v: Values) => {
      const saved = await save(v);
      void message.success(t('orgs.saved', { name: saved.name }));
      onSaved(saved);
    },
    { form, fields: FIELDS },
  );
  useEffect(() => {
    clearError();
    form.resetFields();
    if (org)
      form.setFieldsValue({
        name: org.name,
        shortName: org.shortName ?? undefined,
        code: org.code ?? undefined,
        groupKind: org.groupKind ?? undefined,
      });
  }, [org, form, clearError]);

  const stale = error?.code === 'VERSION_CONFLICT';
  return (
    <div data-testid="org-form">
      {/* Outside the form: a disabled form would disable the reload button too. */}
      {stale && <StaleAlert onReload={() => void onReload().then(clearError)} />}
      {error && !stale && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorText} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!canEdit || stale}>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, max: LIMITS.name.maxLength, message: t('orgs.nameRule') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('orgs.shortName')} rules={[{ max: LIMITS.shortName.maxLength }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.code')} rules={[{ max: LIMITS.code.maxLength }]}>
          <Input />
        </Form.Item>
        {type === 'group' && (
          <Form.Item
            name="groupKind"
            label={t('orgs.groupKind')}
            rules={[{ required: creating, message: t('orgs.groupKindRule') }]}
          >
            <Select
              options={['secondary', 'primary', 'kindergarten'].map((k) => ({ value: k, label: t(`orgs.kinds.${k}`) }))}
            />
          </Form.Item>
        )}
        {canEdit && (
          <Space>
            <Button type="primary" htmlType="submit" loading={pending}>
              {creating ? t('orgs.createChild', { type: t(`orgs.types.${type}`) }) : t('buttons.save')}
            </Button>
          </Space>
        )}
      </Form>
    </div>
  );
}
