import { Alert, Form, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { useLocalize } from '../../components/localized-text';
import { UserPicker } from '../../components/user-picker';
import { useSubmit } from '../../hooks/use-submit';
import type { BulkTaskResult } from '../../types/contract';

/** 移交待办: a departing person's work in every running instance (tasks, seats, parts, assignments) goes to a successor; the report counts instances. */
export function ReassignModal({
  open,
  onClose,
  fromUserId,
}: {
  open: boolean;
  onClose: () => void;
  fromUserId?: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<{ fromUserId: string; toUserId: string }>();
  const [result, setResult] = useState<BulkTaskResult | null>(null);
  const { submit, pending, error, errorText } = useSubmit(
    async (v: { fromUserId: string; toUserId: string }) =>
      setResult(
        await call(
          api.POST('/api/tasks/bulk', {
            body: { action: 'reassign', fromUserId: v.fromUserId, toUserId: v.toUserId },
          }),
        ),
      ),
    { form, fields: ['fromUserId', 'toUserId'] },
  );
  return (
    <Modal
      open={open}
      title={t('bulk.reassignTitle')}
      onCancel={() => {
        setResult(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('bulk.reassign')}
      okButtonProps={{ loading: pending, disabled: !!result }}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('bulk.reassignHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ fromUserId }}>
        <Form.Item name="fromUserId" label={t('bulk.from')} rules={[{ required: true, message: t('people.pickOne') }]}>
          <UserPicker />
        </Form.Item>
        <Form.Item
          name="toUserId"
          label={t('bulk.to')}
          dependencies={['fromUserId']}
          rules={[
            { required: true, message: t('people.pickOne') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v && v === getFieldValue('fromUserId')
                  ? Promise.reject(new Error(t('bulk.samePerson')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <UserPicker />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error.status === 404 ? t('bulk.unavailable') : errorText} />}
      {result && (
        <>
          <Alert
            type={result.failed.length ? 'warning' : 'success'}
            showIcon
            message={t('bulk.result', { done: result.done, failed: result.failed.length })}
            style={{ marginBottom: 8 }}
          />
          {result.failed.length > 0 && (
            // Reassign answers per instance: a person may hold only an assignment there (no task id).
            <Table
              size="small"
              rowKey={(r) => r.instanceId ?? r.taskId}
              dataSource={result.failed}
              pagination={false}
              columns={[
                { title: t('bulk.task'), render: (_, r) => r.taskId || r.instanceId },
                { title: t('imports.message'), render: (_, r) => localize(r.message) },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
