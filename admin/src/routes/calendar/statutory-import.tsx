import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../components/localized-text';
import { type ApiError, asApiError } from '../../providers/http';
import { postForm } from '../../providers/upload';
import type { StatutoryImport as TImport, StatutoryYear } from '../../types/contract';
import { FestivalLines } from './festival-lines';

type Props = {
  open: boolean;
  defaultYear: number;
  packageYears: number[];
  loaded: StatutoryYear[];
  onClose: () => void;
  onLoaded: (y: StatutoryYear) => void;
};

/**
 * 导入 Excel / ICS: the server reads the file and previews the year it would load (dry run); only a
 * clean preview can be loaded, by sending the same file again. A refusal lists each row's problem.
 */
export function StatutoryImport({ open, defaultYear, packageYears, loaded, onClose, onLoaded }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [year, setYear] = useState(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [replacesPackage, setReplacesPackage] = useState(false);
  const [documentNo, setDocumentNo] = useState('');
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<TImport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const packageYear = packageYears.includes(year);
  const reset = () => {
    setPreview(null);
    setError(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPending(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      form.append('replacesPackage', String(packageYear && replacesPackage));
      if (documentNo.trim()) form.append('documentNo', documentNo.trim());
      if (title.trim()) form.append('title', title.trim());
      form.append('expectedVersion', String(loaded.find((y) => y.year === year)?.version ?? 0));
      const res = await postForm<TImport>(`/calendar/statutory/${year}/import`, form, {
        dryRun: dryRun ? '1' : undefined,
      });
      setPreview(res);
      if (res.saved) onLoaded(res.saved);
    } catch (e) {
      setPreview(null);
      setError(asApiError(e));
    } finally {
      setPending(false);
    }
  };
  const clean = preview !== null && preview.errors.length === 0 && preview.year === year;
  const skippedYears = [...new Set(preview?.skipped.map((d) => d.date.slice(0, 4)) ?? [])].join(
    t('common.listSeparator'),
  );
  return (
    <Modal
      open={open}
      title={t('statutory.importer.title')}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="p"
          disabled={!file}
          loading={pending && !clean}
          onClick={() => void send(true)}
          data-testid="statutory-import-preview"
        >
          {t('statutory.importer.preview')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!clean}
          loading={pending && clean}
          onClick={() => void send(false)}
          data-testid="statutory-import-load"
        >
          {t('statutory.importer.load')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('statutory.importer.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('statutory.form.year')}</span>
        <InputNumber
          id="statutory-import-year"
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(v) => {
            if (typeof v === 'number') setYear(v);
            reset();
          }}
          style={{ width: 110 }}
        />
        <Input
          placeholder={t('statutory.form.documentNo')}
          value={documentNo}
          maxLength={60}
          onChange={(e) => setDocumentNo(e.target.value)}
          style={{ width: 200 }}
        />
        <Input
          placeholder={t('statutory.form.noticeTitle')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          style={{ width: 280 }}
        />
      </Space>
      {packageYear && (
        <div style={{ marginBottom: 12 }}>
          <Checkbox
            checked={replacesPackage}
            onChange={(e) => {
              setReplacesPackage(e.target.checked);
              reset();
            }}
          >
            {t('statutory.form.replacesPackage')}
          </Checkbox>
          <Typography.Text type="secondary">{t('statutory.form.replacesPackageHint', { year })}</Typography.Text>
        </div>
      )}
      <Upload.Dragger
        accept=".xlsx,.csv,.ics"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          reset();
        }}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('statutory.importer.drop')}</p>
      </Upload.Dragger>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          message={t('statutory.importer.failed')}
          description={
            Object.values(error.fieldErrors)
              .map((m) => localize(m))
              .join('；') || (error.localized ? localize(error.localized) : undefined)
          }
        />
      )}
      {preview && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="statutory-import-result">
          {preview.errors.length > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                message={t('statutory.importer.hasErrors', { count: preview.errors.length })}
              />
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.field}-${localize(r.message)}`}
                dataSource={preview.errors}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('statutory.importer.row'),
                    width: 90,
                    render: (_, r) => (r.row > 0 ? r.row : t('statutory.importer.wholeFile')),
                  },
                  {
                    title: t('statutory.importer.field'),
                    width: 120,
                    render: (_, r) => t(`statutory.importer.fields.${r.field}`, { defaultValue: r.field }),
                  },
                  { title: t('statutory.importer.message'), render: (_, r) => localize(r.message) },
                ]}
              />
            </>
          ) : (
            <Alert
              type="success"
              showIcon
              message={t('statutory.importer.previewTitle', {
                year: preview.year,
                holidays: preview.holidays.length,
                workdays: preview.workdays.length,
              })}
              description={<FestivalLines holidays={preview.holidays} workdays={preview.workdays} />}
            />
          )}
          {preview.skipped.length > 0 && (
            <Typography.Text type="secondary">
              {t('statutory.importer.skipped', {
                count: preview.skipped.length,
                year: preview.year,
                years: skippedYears,
              })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Modal>
  );
}
