import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import { FormFieldItem } from '../../../components/form-field-input';
import { ApiError, http, isApiError } from '../../../providers/http';
import { fallbackField } from './field-catalogue';
import { randomId } from '../../../lib/random-id';
import type { AvailableEvent, EventResult, FieldDef, InstanceView } from '../../../types/contract';

type Props = {
  view: InstanceView;
  event: AvailableEvent | null;
  fields: Map<string, FieldDef>;
  onClose: () => void;
  onDone: (result: EventResult) => void;
  onReload: () => void;
};
type Values = Record<string, unknown>;

const COMMENT = '__comment';

/** Fires one event: the fields it requires, a comment, and the version we saw (never overwrites). */
export function EventModal({ view, event, fields, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const idempotencyKey = useMemo(() => (event ? randomId() : ''), [event]);
  const required = (event?.requires ?? []).map((name) => fields.get(name) ?? fallbackField(name));

  useEffect(() => {
    if (!event) return;
    setError(null);
    form.resetFields();
    form.setFields(required.map((f) => ({ name: f.name, value: view.data[f.name] })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event]);

  const submit = async (values: Values) => {
    if (!event) return;
    const { [COMMENT]: rawComment, ...data } = values;
    const comment = typeof rawComment === 'string' ? rawComment.trim() : '';
    setPending(true);
    setError(null);
    try {
      const result = await http<EventResult>(`/instances/${view.id}/events`, {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: { type: event.type, data: required.length ? data : undefined, comment: comment || undefined, expectedVersion: view.version },
      });
      onDone(result);
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError(0, null);
      setError(err);
      const fieldEntries = Object.entries(err.fieldErrors).map(([name, msg]) => ({
        name: name === 'comment' ? COMMENT : name,
        errors: [localize(msg)],
      }));
      if (err.code === 'COMMENT_REQUIRED') fieldEntries.push({ name: COMMENT, errors: [localize(err.localized)] });
      form.setFields(fieldEntries.filter((f) => f.name === COMMENT || required.some((r) => r.name === f.name)));
    } finally {
      setPending(false);
    }
  };

  const conflict = error?.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open={!!event}
      title={t('instances.fireTitle', { action: localize(event?.label) })}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={pending} disabled={conflict} data-testid="event-submit" onClick={() => form.submit()}>
          {t('instances.fireOk')}
        </Button>,
      ]}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {t('instances.fireHint', { subject: view.subject.name, state: localize(view.stateName) })}
      </Typography.Paragraph>
      {error && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="event-error"
          message={conflict ? t('instances.conflictTitle') : t('instances.fireFailed')}
          description={
            <Space direction="vertical">
              <span>{conflict ? t('instances.conflictDescription') : error.localized ? localize(error.localized) : error.message}</span>
              {conflict && (
                <Button size="small" onClick={onReload}>
                  {t('instances.reload')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={pending || conflict}>
        {required.map((f) => (
          <FormFieldItem key={f.name} field={f} required />
        ))}
        <Form.Item
          name={COMMENT}
          label={t('instances.comment')}
          rules={event?.commentRequired ? [{ required: true, whitespace: true, message: t('instances.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={event?.commentRequired ? t('instances.commentRequiredPlaceholder') : t('instances.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
