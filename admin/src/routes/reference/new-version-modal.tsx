import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http, isApiError, ApiError } from '../../providers/http';
import { useLocalize } from '../../components/localized-text';
import type { ReferenceDoc, ReferenceKind } from './reference-kinds';

/**
 * 新建版本: a draft copied from the version being read. Published versions are immutable, so an edit
 * is always a new draft that the admin publishes when it is right; the server checks every field.
 */
export function NewVersionModal({ kind, from, open, onClose, onCreated }: { kind: ReferenceKind; from: ReferenceDoc | null; open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [form] = Form.useForm<{ name: string; content: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ name: from?.name ?? '', content: JSON.stringify(from?.content ?? {}, null, 2) });
  }, [open, from, form]);
  const submit = async (v: { name: string; content: string }) => {
    let content: unknown;
    try {
      content = JSON.parse(v.content);
    } catch {
      form.setFields([{ name: 'content', errors: [t('reference.badJson')] }]);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await http(`/reference/${kind}`, { method: 'POST', body: { name: v.name, content } });
      onCreated();
      onClose();
    } catch (e) {
      setError(isApiError(e) ? e : new ApiError(0, null));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal open={open} title={t('reference.newVersion')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: pending }} width={820} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('reference.newVersionHint')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={error.localized ? localize(error.localized) : error.message}
          description={
            Object.keys(error.fieldErrors).length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {Object.entries(error.fieldErrors).map(([path, msg]) => (
                  <li key={path}>
                    <Typography.Text code>{path}</Typography.Text> {localize(msg)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('reference.name')} rules={[{ required: true, whitespace: true, max: 120, message: t('reference.nameRule') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('reference.content')} rules={[{ required: true }]}>
          <Input.TextArea rows={16} style={{ fontFamily: 'monospace', fontSize: 12 }} spellCheck={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
