import { useInvalidate } from '@refinedev/core';
import { Alert, App, Descriptions, Form, Input, Modal, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { formLimits } from '../../api/schema.gen';
import { DateText } from '../../components/date-text';
import { useLocalize } from '../../components/localized-text';
import { useSubmit } from '../../hooks/use-submit';
import { type ApiError, asApiError } from '../../providers/http';

type BurdenReport = components['schemas']['BurdenReport'];

/**
 * 负担码 办理: the report a task in the inbox stands for, and the bureau's resolution. The reporter is
 * never shown (the API does not return them); a stale version answers 409 and nothing is overwritten.
 */
/** The route's own bounds (generated from its zod schema). */
const RESOLUTION = formLimits.ResolveBurdenReportBody.resolution;

export function BurdenResolveModal({ reportId, onClose }: { reportId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<{ resolution: string }>();
  const [report, setReport] = useState<BurdenReport | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const sending = useSubmit(
    async ({ resolution }: { resolution: string }) => {
      if (!report) return;
      await call(
        api.POST('/api/burden-reports/{id}/resolve', {
          params: { path: { id: report.id } },
          body: { resolution, expectedVersion: report.version },
        }),
      );
      void message.success(t('burdenTask.resolved'));
      await invalidate({ resource: 'tasks', invalidates: ['list'] });
      onClose();
    },
    { form, fields: ['resolution'] },
  );
  const { submit, pending, clearError } = sending;
  const error = loadError ?? sending.error;

  useEffect(() => {
    setReport(null);
    setLoadError(null);
    clearError();
    form.resetFields();
    if (!reportId) return;
    call(api.GET('/api/burden-reports/{id}', { params: { path: { id: reportId } } })).then(setReport, (e: unknown) =>
      setLoadError(asApiError(e)),
    );
  }, [reportId, form, clearError]);

  return (
    <Modal
      open={!!reportId}
      title={t('burdenTask.title')}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      okText={t('burdenTask.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: pending,
        disabled: !report || report.status !== 'open',
        ...{ 'data-testid': 'burden-resolve-submit' },
      }}
      onOk={() => form.submit()}
    >
      {error && (
        <Alert
          type={error.code === 'VERSION_CONFLICT' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          message={
            error.code === 'VERSION_CONFLICT'
              ? t('burdenTask.conflict')
              : error.localized
                ? localize(error.localized)
                : error.message
          }
        />
      )}
      {!report && !error && <Skeleton active />}
      {report && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            data-testid="burden-report"
            styles={{ label: { width: 120 } }}
          >
            <Descriptions.Item label={t('burdenTask.school')}>{report.schoolName}</Descriptions.Item>
            <Descriptions.Item label={t('burdenTask.item')}>
              {report.burdenItem === 'other'
                ? t('burdenTask.other')
                : report.burdenItemName
                  ? `${report.burdenItem} · ${report.burdenItemName}`
                  : report.burdenItem}
            </Descriptions.Item>
            <Descriptions.Item label={t('burdenTask.description')}>{report.description}</Descriptions.Item>
            <Descriptions.Item label={t('burdenTask.hours')}>{report.hours ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('burdenTask.dueAt')}>
              <DateText value={report.dueAt} overdue={report.overdue} />
            </Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={report.status !== 'open'}>
            <Form.Item
              name="resolution"
              label={t('burdenTask.resolution')}
              rules={[{ required: true, min: RESOLUTION.minLength, message: t('burdenTask.resolutionRequired') }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={RESOLUTION.maxLength}
                placeholder={t('burdenTask.resolutionPlaceholder')}
                data-testid="burden-resolution"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
