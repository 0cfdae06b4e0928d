import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type ApiError, asApiError } from '../providers/http';
import { postForm } from '../providers/upload';
import type { ImportResult } from '../types/contract';
import { useLocalize } from './localized-text';

type Props = { kind: 'schools' | 'users'; open: boolean; onClose: () => void; onImported: () => void };

/** 批量导入: an .xlsx or .csv checked row by row; when any row fails nothing is written and every error is listed. */
export function ImportModal({ kind, open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async () => {
    if (!file) return;
    setPending(true);
    setError(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const res = await postForm<ImportResult>(`/imports/${kind}`, form, { dryRun: dryRun ? '1' : undefined });
      setResult(res);
      if (!dryRun && res.errors.length === 0) onImported();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setPending(false);
    }
  };
  const close = () => {
    setFile(null);
    setResult(null);
    setError(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t(`imports.title.${kind}`)}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!file}
          loading={pending}
          onClick={() => void run()}
          data-testid="import-run"
        >
          {dryRun ? t('imports.check') : t('imports.import')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t(`imports.hint.${kind}`)}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.drop')}</p>
      </Upload.Dragger>
      <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} style={{ marginTop: 12 }}>
        {t('imports.dryRun')}
      </Checkbox>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          message={error.status === 404 ? t('imports.unavailable') : t('imports.failed')}
          description={error.status !== 404 && error.localized ? localize(error.localized) : undefined}
        />
      )}
      {result && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="import-result">
          <Alert
            type={result.errors.length ? 'error' : 'success'}
            showIcon
            message={
              result.errors.length
                ? t('imports.hasErrors', { count: result.errors.length })
                : t(dryRun ? 'imports.checkedOk' : 'imports.done', { created: result.created, skipped: result.skipped })
            }
          />
          {result.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.field}`}
              dataSource={result.errors}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 80 },
                {
                  title: t('imports.field'),
                  width: 140,
                  render: (_, r) => t(`imports.fields.${r.field}`, { defaultValue: r.field }),
                },
                { title: t('imports.message'), render: (_, r) => localize(r.message) },
              ]}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
