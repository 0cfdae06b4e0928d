import { ArrowLeftOutlined } from '@ant-design/icons';
import { Create } from '@refinedev/antd';
import { useInvalidate } from '@refinedev/core';
import { Alert, App, Divider, Form, Select, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

import { api, call } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { FieldRefsProvider } from '../../components/field-refs';
import { FormFieldItem } from '../../components/form-field-input';
import { useLocalize } from '../../components/localized-text';
import { reasonsLine } from '../../components/rule-reasons';
import { useDefinition, useDefinitions, useStartSubjects } from '../../hooks/use-reference-data';
import { useSubmit } from '../../hooks/use-submit';
import type { StartInstanceBody } from '../../types/contract';
import { assignedRoles, AssignmentFields, takeAssignments } from './assignment-fields';
import { PrecheckHint, PrecheckPanel } from './precheck-panel';

type Values = { definitionId?: string; subjectOrgId?: string } & Record<string, unknown>;

/** 发起流程: a published workflow, the organisation it is about, and its start form. */
export function InstanceCreate() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const definitions = useDefinitions('published', undefined, { startable: true });
  const definitionId = Form.useWatch('definitionId', form);
  const summary = definitions.rows.find((d) => d.id === definitionId);
  const { definition, loading } = useDefinition(definitionId);
  // Only what the API would accept: a teacher's or principal's own school, a department's district; the bureau any.
  const orgs = useStartSubjects(definitionId);
  const nothingToStart =
    (!!definitionId && orgs.loaded && orgs.options.length === 0) ||
    (!definitions.loading && definitions.rows.length === 0);
  const startFields = definition?.definition.startForm?.fields ?? [];
  const [params] = useSearchParams();
  const presetKey = params.get('definitionKey');
  const presetBlock = params.get('block');
  const family = useDefinitions('published', presetBlock, { startable: true });

  // `?definitionKey=…` picks the newest published version of that workflow; `?block=entryRules` (from a
  // role's home page) the newest published workflow that declares the block, whatever the bureau called it.
  useEffect(() => {
    if (form.getFieldValue('definitionId')) return;
    const candidates = presetKey ? definitions.rows.filter((d) => d.key === presetKey) : presetBlock ? family.rows : [];
    const latest = [...candidates].sort(
      (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.version - a.version,
    )[0];
    if (latest) form.setFieldValue('definitionId', latest.id);
  }, [presetKey, presetBlock, definitions.rows, family.rows, form]);

  // The user's own school (or the one possible subject, e.g. the district for a campus-entry request) is picked, not asked.
  useEffect(() => {
    if (definitionId && orgs.preselected && !form.getFieldValue('subjectOrgId'))
      form.setFieldValue('subjectOrgId', orgs.preselected);
  }, [definitionId, orgs.preselected, form]);

  // What the start sends; the 预检 runs on the same body, after the form's own checks.
  const startBody = async (): Promise<StartInstanceBody | null> => {
    try {
      const { definitionId: defId, subjectOrgId, ...values } = await form.validateFields();
      const { assignments, rest: data } = takeAssignments(values);
      return { definitionId: defId ?? '', subjectOrgId: subjectOrgId ?? '', data, assignments };
    } catch {
      return null;
    }
  };

  const { submit, pending, error, errorText } = useSubmit(
    async ({ definitionId: defId, subjectOrgId, ...values }: Values) => {
      const { assignments, rest: data } = takeAssignments(values);
      const view = await call(
        api.POST('/api/instances', {
          body: { definitionId: defId ?? '', subjectOrgId: subjectOrgId ?? '', data, assignments },
        }),
      );
      // Filed, then refused by the definition's automatic rules: say so, and why — never a plain success.
      if (view.refusal?.reasons.length)
        void message.warning(t('refusal.filed', { reasons: reasonsLine(view.refusal.reasons, localize) }), 8);
      else void message.success(t('instances.created'));
      await invalidate({ resource: 'instances', invalidates: ['list'] });
      navigate(`/instances/${view.id}`);
    },
    { form },
  );

  return (
    <Create
      title={t('instances.create')}
      breadcrumb={false}
      // The header's back control is itself the button: Refine's default put a button inside it (nested-interactive).
      goBack={<ArrowLeftOutlined />}
      saveButtonProps={{
        loading: pending,
        disabled: nothingToStart,
        onClick: () => form.submit(),
        children: t('instances.start'),
      }}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('instances.createFailed')}
          description={errorText}
        />
      )}
      {!definitions.loading && definitions.rows.length === 0 ? (
        <EmptyState description={t('startForm.nothingToStart')} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => 'definitionId' in changed && form.setFieldValue('subjectOrgId', undefined)}
        >
          <Form.Item
            name="definitionId"
            label={t('fields.workflow')}
            rules={[{ required: true, message: t('instances.pickWorkflow') }]}
          >
            <Select
              loading={definitions.loading}
              options={definitions.byId}
              placeholder={t('instances.pickWorkflow')}
            />
          </Form.Item>
          {nothingToStart && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('startForm.noSubjects')}
              description={t('startForm.noSubjectsHint')}
              data-testid="start-no-subjects"
            />
          )}
          <Form.Item
            name="subjectOrgId"
            label={t(`instances.subjectOf.${summary?.subject ?? 'school'}`)}
            rules={[{ required: true, message: t('instances.pickSubject') }]}
            extra={orgs.options.length === 1 && orgs.preselected ? t('startForm.onlyOwn') : undefined}
          >
            <Select
              showSearch
              optionFilterProp="label"
              // Nothing else to choose: shown, not offered.
              disabled={!definitionId || nothingToStart || (orgs.options.length === 1 && !!orgs.preselected)}
              loading={orgs.loading}
              options={orgs.options}
              placeholder={t('instances.pickSubject')}
              data-testid="start-subject"
            />
          </Form.Item>
          {definitionId && loading && <Skeleton active />}
          <AssignmentFields roles={assignedRoles(definition?.definition)} />
          {startFields.length > 0 && !nothingToStart && (
            <>
              <Divider orientation="left" plain>
                {t('instances.startForm')}
              </Divider>
              <PrecheckHint definition={definition?.definition} />
              <FieldRefsProvider definition={definition?.definition}>
                {startFields.map((f) => (
                  <FormFieldItem key={f.name} field={f} />
                ))}
              </FieldRefsProvider>
              <PrecheckPanel definition={definition?.definition} form={form} values={startBody} />
            </>
          )}
        </Form>
      )}
    </Create>
  );
}
