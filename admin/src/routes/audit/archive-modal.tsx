import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Form, Modal, Skeleton, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../api/client';
import { DateText, formatDateTime } from '../../components/date-text';
import { formatSize } from '../../components/file-size';
import { DISTRICT_TIME_ZONE } from '../../config/time';
import { useCan } from '../../hooks/use-can';
import { useSubmit } from '../../hooks/use-submit';
import { buildUrl } from '../../providers/http';
import type { AuditArchive, AuditArchiveManifest } from '../../types/contract';

const DAY = 'YYYY-MM-DD';
/** The console's default; the server's `latestBefore` (the same 180 days, in the district) is what the picker allows. */
const defaultBefore = () => dayjs().tz(DISTRICT_TIME_ZONE).subtract(180, 'day').format(DAY);

function Downloads({ archive }: { archive: Pick<AuditArchiveManifest, 'archiveId'> }) {
  const { t } = useTranslation();
  return (
    <Space size="small">
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={buildUrl(`/audit/archives/${archive.archiveId}`, { part: 'file' })}
      >
        {t('auditArchive.download')}
      </Button>
      <Button size="small" href={buildUrl(`/audit/archives/${archive.archiveId}`, { part: 'manifest' })}>
        {t('auditArchive.downloadManifest')}
      </Button>
    </Space>
  );
}

/** The archives kept in the data folder, newest first, each to download and keep off the server. */
function ArchiveList() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['audit-archives'],
    queryFn: () => call(api.GET('/api/audit/archives')),
  });
  return (
    <Table<AuditArchive>
      size="small"
      rowKey="archiveId"
      loading={query.isLoading}
      dataSource={query.data?.items ?? []}
      pagination={false}
      data-testid="audit-archive-list"
      locale={{ emptyText: t('auditArchive.empty') }}
      columns={[
        {
          key: 'range',
          title: t('auditArchive.range'),
          render: (_, a) => t('auditArchive.rangeValue', { from: a.fromSeq, to: a.throughSeq, count: a.count }),
        },
        {
          key: 'span',
          title: t('auditArchive.span'),
          render: (_, a) => `${formatDateTime(a.firstAt)} – ${formatDateTime(a.lastAt)}`,
        },
        { key: 'at', title: t('auditArchive.archivedAt'), render: (_, a) => <DateText value={a.createdAt} /> },
        { key: 'size', title: t('auditArchive.size'), render: (_, a) => formatSize(a.bytes, i18n.language) },
        {
          key: 'sha',
          title: 'SHA-256',
          render: (_, a) => (
            <Typography.Text code copyable={{ text: a.sha256 }}>
              {a.sha256.slice(0, 12)}…
            </Typography.Text>
          ),
        },
        { key: 'dl', title: '', render: (_, a) => <Downloads archive={a} /> },
      ]}
    />
  );
}

/**
 * 审计归档 (auditors only): events older than a cut-off date — at the latest 180 days ago (等保 2.0) — go
 * to a verifiable file and leave the table; the dialog says how many before anything happens.
 */
export function ArchiveAction({ onArchived }: { onArchived: () => void }) {
  const { t } = useTranslation();
  const canArchive = useCan('archive', 'AuditEvent');
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [before, setBefore] = useState(defaultBefore);
  const [done, setDone] = useState<AuditArchiveManifest | null>(null);
  const preview = useQuery({
    queryKey: ['audit-archive-preview', before],
    queryFn: () => call(api.GET('/api/audit/archive/preview', { params: { query: { before } } })),
    enabled: open && !done,
  });
  const {
    submit: archive,
    pending,
    error,
    errorText,
    clearError,
  } = useSubmit(async () => {
    setDone(await call(api.POST('/api/audit/archive', { body: { before } })));
    // The chain now starts after the archive, and the archive list has one more.
    void client.invalidateQueries({ queryKey: ['audit-verify'] });
    void client.invalidateQueries({ queryKey: ['audit-archives'] });
    onArchived();
  });
  if (!canArchive) return null;

  const p = preview.data;
  const close = () => {
    setOpen(false);
    setDone(null);
    clearError();
    setBefore(defaultBefore());
  };
  return (
    <>
      <Button icon={<InboxOutlined />} onClick={() => setOpen(true)} data-testid="audit-archive-open">
        {t('auditArchive.button')}
      </Button>
      <Modal
        open={open}
        title={t('auditArchive.title')}
        width={860}
        destroyOnHidden
        onCancel={close}
        footer={
          done ? (
            <Button onClick={close} data-testid="audit-archive-close">
              {t('auditArchive.close')}
            </Button>
          ) : (
            <Space>
              <Button onClick={close}>{t('auditArchive.cancel')}</Button>
              <Button
                type="primary"
                danger
                loading={pending}
                disabled={!p || !p.allowed || p.count === 0}
                onClick={() => void archive()}
                data-testid="audit-archive-confirm"
              >
                {p && p.count > 0 ? t('auditArchive.confirm', { count: p.count }) : t('auditArchive.confirmNone')}
              </Button>
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {t('auditArchive.intro', { days: p?.retentionDays ?? 180 })}
        </Typography.Paragraph>
        {done ? (
          <Alert
            type="success"
            showIcon
            data-testid="audit-archive-done"
            message={t('auditArchive.done', { count: done.count, from: done.fromSeq, to: done.throughSeq })}
            description={
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('auditArchive.file')}>{done.file}</Descriptions.Item>
                <Descriptions.Item label="SHA-256">
                  <Typography.Text code copyable>
                    {done.sha256}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('auditArchive.keep')}>
                  <Downloads archive={done} />
                </Descriptions.Item>
              </Descriptions>
            }
          />
        ) : (
          <>
            <Form layout="vertical">
              <Form.Item
                label={t('auditArchive.before')}
                extra={p ? t('auditArchive.beforeHelp', { date: p.latestBefore }) : undefined}
              >
                <DatePicker
                  value={dayjs(before, DAY)}
                  allowClear={false}
                  data-testid="audit-archive-date"
                  disabledDate={(d: Dayjs) => !!p && d.format(DAY) > p.latestBefore}
                  onChange={(d) => d && setBefore(d.format(DAY))}
                />
              </Form.Item>
            </Form>
            {preview.isLoading ? (
              <Skeleton active paragraph={{ rows: 1 }} />
            ) : p && !p.allowed ? (
              <Alert type="error" showIcon message={t('auditArchive.tooRecent', { date: p.latestBefore })} />
            ) : p && p.count === 0 ? (
              <Alert
                type="info"
                showIcon
                message={t('auditArchive.nothing', { date: p.before })}
                data-testid="audit-archive-preview"
              />
            ) : p ? (
              <Alert
                type="warning"
                showIcon
                data-testid="audit-archive-preview"
                message={t('auditArchive.preview', {
                  count: p.count,
                  from: p.fromSeq,
                  to: p.throughSeq,
                  firstAt: formatDateTime(p.firstAt),
                  lastAt: formatDateTime(p.lastAt),
                })}
                description={t('auditArchive.irreversible')}
              />
            ) : null}
            {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={errorText} />}
          </>
        )}
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('auditArchive.listTitle')}
        </Typography.Title>
        <ArchiveList />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('auditArchive.verifyHint')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
