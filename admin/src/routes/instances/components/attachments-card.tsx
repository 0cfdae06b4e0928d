import { DownloadOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Image, List, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../../../api/client';
import { formatDateTime } from '../../../components/date-text';
import { EmptyState } from '../../../components/empty-state';
import { formatSize } from '../../../components/file-size';
import { postAttachment, useFileUpload } from '../../../components/use-file-upload';
import { isApiError } from '../../../providers/http';
import type { Attachment, InstanceView, Page } from '../../../types/contract';

/** The API serves images and PDFs inline (for preview) on request; downloads stay attachments. */
const inline = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=1`;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip';

/** The instance's own files first, then each checklist item's (field `<table>.<code>`), in checklist-code order. */
function groupByItem(files: Attachment[]): Array<{ field: string | null; code: string | null; files: Attachment[] }> {
  const groups = new Map<string | null, Attachment[]>();
  for (const a of files) {
    const key = a.field?.includes('.') ? a.field : null;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([field, list]) => ({ field, code: field ? field.slice(field.indexOf('.') + 1) : null, files: list }));
}

/** 佐证材料: files attached to the instance, each with its SHA-256 so anyone can prove it unchanged. */
export function AttachmentsCard({ view, canUpload }: { view: InstanceView; canUpload: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [preview, setPreview] = useState<string | null>(null);
  const key = ['attachments', view.id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/attachments', { params: { query: { instanceId: view.id, limit: 100 } } })),
    retry: false,
  });

  const { uploading, upload } = useFileUpload(
    async (file) => {
      const saved = await postAttachment(view.id, file);
      client.setQueryData<Page<Attachment>>(key, (old) => ({
        items: [saved, ...(old?.items ?? []).filter((a) => a.id !== saved.id)],
        nextCursor: old?.nextCursor ?? null,
      }));
      void client.invalidateQueries({ queryKey: key });
      return saved;
    },
    (saved) => t('attachments.uploaded', { name: saved.name }),
  );

  const items = query.data?.items ?? [];
  return (
    <Card
      title={
        <Space>
          <PaperClipOutlined />
          {t('attachments.title')}
        </Space>
      }
      size="small"
      style={{ marginTop: 16 }}
      data-testid="attachments"
      extra={
        canUpload && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file }) => void upload(file as File)}
            disabled={uploading}
          >
            <Button
              size="small"
              type="primary"
              ghost
              icon={<UploadOutlined />}
              loading={uploading}
              data-testid="attachment-upload"
            >
              {t('attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {query.isError ? (
        <Typography.Text type="secondary" data-testid="attachments-error">
          {isApiError(query.error) && query.error.status === 404
            ? t('attachments.unavailable')
            : t('attachments.loadFailed')}
        </Typography.Text>
      ) : items.length === 0 && !query.isLoading ? (
        <EmptyState description={canUpload ? t('attachments.emptyCanUpload') : t('attachments.empty')} />
      ) : (
        groupByItem(items).map((group) => (
          <div
            key={group.field ?? ''}
            data-testid={group.code ? `evidence-group-${group.code}` : 'evidence-group-general'}
          >
            {group.code && (
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                <Tag bordered={false}>{group.code}</Tag>
                {t('itemEvidence.group', { count: group.files.length })}
              </Typography.Text>
            )}
            <List
              loading={query.isLoading}
              dataSource={group.files}
              renderItem={(a) => (
                <List.Item
                  data-testid="attachment-row"
                  actions={[
                    a.mime.startsWith('image/') || a.mime === 'application/pdf' ? (
                      <Tooltip key="p" title={t('attachments.preview')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<EyeOutlined />}
                          aria-label={t('attachments.preview')}
                          onClick={() =>
                            a.mime.startsWith('image/')
                              ? setPreview(inline(a.url))
                              : window.open(inline(a.url), '_blank', 'noopener')
                          }
                        />
                      </Tooltip>
                    ) : null,
                    <Tooltip key="d" title={t('attachments.download')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<DownloadOutlined />}
                        href={a.url}
                        aria-label={t('attachments.download')}
                      />
                    </Tooltip>,
                  ]}
                >
                  <List.Item.Meta
                    title={<Typography.Text>{a.name}</Typography.Text>}
                    description={
                      <Space direction="vertical" size={0}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatSize(a.size, i18n.language)}
                          {a.createdAt ? ` · ${formatDateTime(a.createdAt)}` : ''}
                        </Typography.Text>
                        <Typography.Text
                          type="secondary"
                          style={{ fontSize: 12, fontFamily: 'monospace' }}
                          copyable={{ text: a.sha256 }}
                          data-testid="attachment-sha"
                        >
                          SHA-256 {a.sha256.slice(0, 16)}…
                        </Typography.Text>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </div>
        ))
      )}
      <Image
        style={{ display: 'none' }}
        src={preview ?? undefined}
        preview={{ visible: !!preview, src: preview ?? undefined, onVisibleChange: (v) => !v && setPreview(null) }}
      />
    </Card>
  );
}
