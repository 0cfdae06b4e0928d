import { CameraOutlined } from '@ant-design/icons';
import { Button, Image, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Attachment } from '../../types/contract';
import { EvidenceCountTag } from '../item-evidence/evidence-count-tag';
import { itemField, useItemEvidence } from '../item-evidence/item-evidence-context';
import { useLocalize } from '../localized-text';
import { useFileUpload } from '../use-file-upload';

const inline = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=1`;

function Thumbs({ files }: { files: Attachment[] }) {
  return (
    <Image.PreviewGroup>
      {files
        .filter((a) => a.mime.startsWith('image/'))
        .map((a) => (
          <Image
            key={a.id}
            src={inline(a.url)}
            width={40}
            height={40}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={a.name}
            data-testid="finding-thumb"
          />
        ))}
    </Image.PreviewGroup>
  );
}

/**
 * One finding's files, on its checklist item (`<table>.<code>`, the attachments' convention): the inspector's
 * photos from before the finding was raised, and the evidence of the fix since (since its last return, when
 * it was returned). The school may add evidence with the tablet's or phone's camera.
 */
export function FindingFiles({
  table,
  code,
  raisedAt,
  since,
  canUpload,
  disabled,
}: {
  table: string;
  code: string;
  /** When the finding was raised: the inspector's photos of the failure are older. */
  raisedAt: string;
  /** When the finding was raised or last returned: evidence of the fix is newer. */
  since: string;
  canUpload?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ctx = useItemEvidence();
  const { uploading, upload } = useFileUpload(
    (file) => ctx!.upload(table, code, file),
    (saved) => t('findingItems.evidenceAttached', { code, name: saved.name }),
  );
  if (!ctx) return null;
  const all = ctx.byItem.get(itemField(table, code)) ?? [];
  const at = (a: Attachment) => a.createdAt ?? '';
  const before = all.filter((a) => at(a) <= raisedAt);
  // Evidence handed in before the finding was returned: kept, but it no longer counts.
  const earlier = all.filter((a) => at(a) > raisedAt && at(a) <= since);
  const after = all.filter((a) => at(a) > since);
  const error = ctx.errors[itemField(table, code)];
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={`finding-files-${code}`}>
      <Space wrap size={8} align="center">
        {canUpload && (
          <Upload
            accept="image/*,.pdf"
            capture="environment"
            showUploadList={false}
            disabled={disabled || uploading}
            customRequest={({ file }) => void upload(file as File)}
          >
            <Button
              icon={<CameraOutlined />}
              loading={uploading}
              disabled={disabled}
              data-testid={`finding-upload-${code}`}
            >
              {t('findingItems.attachFix')}
            </Button>
          </Upload>
        )}
        <EvidenceCountTag
          count={after.length}
          label={t('findingItems.evidenceCount', { count: after.length })}
          testId={`finding-evidence-count-${code}`}
        />
        <Thumbs files={after} />
        {earlier.length > 0 && (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('findingItems.earlierEvidence', { count: earlier.length })}
            </Typography.Text>
            <Thumbs files={earlier} />
          </>
        )}
        {before.length > 0 && (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('findingItems.inspectorPhotos', { count: before.length })}
            </Typography.Text>
            <Thumbs files={before} />
          </>
        )}
      </Space>
      {error && (
        <Typography.Text type="danger" data-testid={`finding-evidence-error-${code}`}>
          {localize(error)}
        </Typography.Text>
      )}
    </Space>
  );
}
