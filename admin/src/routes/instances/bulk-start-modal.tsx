import { useList } from '@refinedev/core';
import { Alert, Button, Divider, Form, Modal, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, type ApiAnswer, call } from '../../api/client';
import { FieldRefsProvider } from '../../components/field-refs';
import { FormFieldItem } from '../../components/form-field-input';
import { useLocalize } from '../../components/localized-text';
import { useDefinition, useDefinitions } from '../../hooks/use-reference-data';
import { type ApiError, asApiError } from '../../providers/http';
import type { Org } from '../../types/contract';
import { assignedRoles, AssignmentFields, takeAssignments } from './assignment-fields';

type OpenInRound = ApiAnswer<'/api/bulk/instances/open-in-round', 'post'>;
type Pending = { values: Record<string, unknown>; open: OpenInRound };
// The batches' answers summed: who started and who was refused (each batch's own timing is not kept).
type BulkResult = Pick<ApiAnswer<'/api/bulk/instances', 'post'>, 'started' | 'failed'>;
/** What both routes are sent: the workflow, the subjects, the form's answers and any named assignees. */
const bulkBody = (values: Record<string, unknown>, subjectOrgIds: string[]) => {
  const { definitionId, subjectOrgIds: _, ...rest } = values;
  const { assignments, rest: data } = takeAssignments(rest);
  return { definitionId: String(definitionId ?? ''), subjectOrgIds, data, assignments };
};
const CHUNK = 25;

/**
 * 批量发起: one workflow for many schools (or groups) at once, e.g. this round's inspection for every
 * secondary school. Sent in batches of 25 so the progress bar moves and a failure names its school.
 */
export function BulkStartModal({
  open,
  onClose,
  afterClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  /** Once the dialog has faded out (the list then unmounts it). */
  afterClose?: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Record<string, unknown>>();
  const definitions = useDefinitions('published');
  const definitionId = Form.useWatch('definitionId', form) as string | undefined;
  const summary = definitions.rows.find((d) => d.id === definitionId);
  const { definition } = useDefinition(definitionId);
  const { result: orgResult } = useList<Org>({ resource: 'orgs', pagination: { mode: 'off' } });
  const orgs = orgResult.data ?? [];
  const subjectType = summary?.subject === 'group' ? 'group' : 'school';
  const groups = orgs.filter((o) => o.type === 'group');
  const candidates = orgs.filter((o) => o.type === subjectType);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const nameOf = (id: string) => orgs.find((o) => o.id === id)?.name ?? id;
  const [pending, setPending] = useState<Pending | null>(null);
  const [checking, setChecking] = useState(false);

  // Before starting: schools (or groups) already running this workflow in the same round are named, to skip or not.
  const check = async (values: Record<string, unknown>) => {
    const ids = Array.isArray(values.subjectOrgIds) ? values.subjectOrgIds.map(String) : [];
    setError(null);
    setChecking(true);
    try {
      const open = await call(api.POST('/api/bulk/instances/open-in-round', { body: bulkBody(values, ids) }));
      if (open.items.length) setPending({ values, open });
      else await run(values);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setChecking(false);
    }
  };
  const proceed = (skip: boolean) => {
    if (!pending) return;
    const busy = new Set(pending.open.items.map((i) => i.orgId));
    const ids = (pending.values.subjectOrgIds as string[]).filter((id) => !skip || !busy.has(id));
    setPending(null);
    void run({ ...pending.values, subjectOrgIds: ids });
  };

  const run = async (values: Record<string, unknown>) => {
    const ids = Array.isArray(values.subjectOrgIds) ? values.subjectOrgIds.map(String) : [];
    setError(null);
    const total: BulkResult = { started: [], failed: [] };
    setProgress({ done: 0, total: ids.length });
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = await call(api.POST('/api/bulk/instances', { body: bulkBody(values, ids.slice(i, i + CHUNK)) }));
        total.started.push(...part.started);
        total.failed.push(...part.failed);
        setProgress({ done: Math.min(i + CHUNK, ids.length), total: ids.length });
      }
      onDone();
    } catch (e) {
      setError(asApiError(e));
    }
    setResult(total);
  };
  const close = () => {
    form.resetFields();
    setPending(null);
    setProgress(null);
    setResult(null);
    setError(null);
    onClose();
  };
  const running = !!progress && progress.done < progress.total && !error;
  return (
    <Modal
      open={open}
      title={t('bulk.startTitle')}
      onCancel={close}
      afterClose={afterClose}
      width={720}
      destroyOnHidden
      maskClosable={!running}
      footer={[
        <Button key="c" onClick={close} disabled={running}>
          {result ? t('people.done') : t('common.cancel')}
        </Button>,
        !result && !pending && (
          <Button
            key="ok"
            type="primary"
            loading={running || checking}
            onClick={() => form.submit()}
            data-testid="bulk-start-run"
          >
            {t('bulk.start')}
          </Button>
        ),
      ]}
    >
      <Typography.Paragraph type="secondary">{t('bulk.startHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void check(v)} disabled={running || !!result || !!pending}>
        <Form.Item
          name="definitionId"
          label={t('fields.workflow')}
          rules={[{ required: true, message: t('instances.pickWorkflow') }]}
        >
          <Select
            options={definitions.byId}
            loading={definitions.loading}
            onChange={() => form.setFieldValue('subjectOrgIds', [])}
          />
        </Form.Item>
        <Form.Item
          name="subjectOrgIds"
          label={t('bulk.targets')}
          rules={[{ required: true, type: 'array', min: 1, message: t('bulk.pickTargets') }]}
        >
          <Select
            mode="multiple"
            maxTagCount="responsive"
            showSearch
            optionFilterProp="label"
            options={candidates.map((o) => ({ value: o.id, label: o.name }))}
            placeholder={t('bulk.pickTargets')}
          />
        </Form.Item>
        {subjectType === 'school' && (
          <Space wrap style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('bulk.quickPick')}</Typography.Text>
            <Button
              size="small"
              onClick={() =>
                form.setFieldValue(
                  'subjectOrgIds',
                  candidates.map((o) => o.id),
                )
              }
            >
              {t('bulk.allSchools')}
            </Button>
            {['secondary', 'primary', 'kindergarten'].map((kind) => (
              <Button
                key={kind}
                size="small"
                onClick={() =>
                  form.setFieldValue(
                    'subjectOrgIds',
                    candidates
                      .filter((o) => groups.some((g) => g.id === o.parentId && g.groupKind === kind))
                      .map((o) => o.id),
                  )
                }
              >
                {t(`orgs.kinds.${kind}`)}
              </Button>
            ))}
          </Space>
        )}
        <AssignmentFields roles={assignedRoles(definition?.definition)} />
        {(definition?.definition.startForm?.fields ?? []).length > 0 && (
          <>
            <Divider orientation="left" plain>
              {t('instances.startForm')}
            </Divider>
            <FieldRefsProvider definition={definition?.definition}>
              {(definition?.definition.startForm?.fields ?? []).map((f) => (
                <FormFieldItem key={f.name} field={f} />
              ))}
            </FieldRefsProvider>
          </>
        )}
      </Form>
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="bulk-open-in-round"
          message={t('openInRound.title', { count: pending.open.items.length, period: pending.open.period })}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>{t('openInRound.hint')}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {pending.open.items.map((i) => (
                  <li key={i.instanceId} data-testid="bulk-open-school">
                    {i.orgName} · {localize(i.title)} · {localize(i.stateName)}{' '}
                    <Typography.Link href={`/instances/${i.instanceId}`} target="_blank">
                      {t('openInRound.open')}
                    </Typography.Link>
                  </li>
                ))}
              </ul>
              {(() => {
                const left = (pending.values.subjectOrgIds as string[]).length - pending.open.items.length;
                return (
                  <Space wrap>
                    <Button
                      type="primary"
                      disabled={left === 0}
                      onClick={() => proceed(true)}
                      data-testid="bulk-skip-open"
                    >
                      {t('openInRound.skip', { count: left })}
                    </Button>
                    <Button danger onClick={() => proceed(false)} data-testid="bulk-start-all">
                      {t('openInRound.all')}
                    </Button>
                    {left === 0 && <Typography.Text type="secondary">{t('openInRound.nothingLeft')}</Typography.Text>}
                  </Space>
                );
              })()}
            </Space>
          }
        />
      )}
      {progress && (
        <>
          <Divider />
          <Progress
            percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)}
            status={error ? 'exception' : running ? 'active' : 'success'}
            data-testid="bulk-progress"
          />
          <Typography.Text type="secondary">
            {t('bulk.progress', { done: progress.done, total: progress.total })}
          </Typography.Text>
        </>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={
            error.status === 404 ? t('bulk.unavailable') : error.localized ? localize(error.localized) : error.message
          }
        />
      )}
      {result && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={result.failed.length ? 'warning' : 'success'}
            showIcon
            message={t('bulk.startResult', { started: result.started.length, failed: result.failed.length })}
            data-testid="bulk-result"
          />
          {result.failed.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey="orgId"
              dataSource={result.failed}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t('fields.subject'), render: (_, f) => nameOf(f.orgId) },
                { title: t('imports.message'), render: (_, f) => localize(f.message) },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
