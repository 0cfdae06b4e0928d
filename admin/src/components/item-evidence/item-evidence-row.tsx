import { CameraOutlined } from '@ant-design/icons';
import { Button, Image, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../localized-text';
import { useFileUpload } from '../use-file-upload';
import { EvidenceCountTag } from './evidence-count-tag';
import { itemField, useItemEvidence } from './item-evidence-context';

const inline = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=1`;
const thumb = (url: string) => `${url}${url.includes('?') ? '&' : '?'}thumb=1`;

/**
 * One checklist item's evidence: how many files, thumbnails of its photos, a button that opens the
 * tablet's camera (`capture`) or the file chooser, and the server's message when the item needs one.
 */
export function ItemEvidenceRow({
  table,
  code,
  failed,
  disabled,
}: {
  table: string;
  code: string;
  failed: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ctx = useItemEvidence();
  const { uploading, upload } = useFileUpload(
    (file) => ctx!.upload(table, code, file),
    (saved) => t('itemEvidence.uploaded', { code, name: saved.name }),
  );
  if (!ctx) return null;
  const files = ctx.byItem.get(itemField(table, code)) ?? [];
  const error = ctx.errors[itemField(table, code)];
  const needed = failed && ctx.required.has(code) && files.length === 0;

  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={`item-evidence-${code}`}>
      <Space wrap size={8} align="center">
        <Upload
          accept="image/*,.pdf"
          capture="environment"
          showUploadList={false}
          disabled={disabled || uploading}
          customRequest={({ file }) => void upload(file as File)}
        >
          <Button
            size="small"
            icon={<CameraOutlined />}
            loading={uploading}
            disabled={disabled}
            data-testid={`item-evidence-upload-${code}`}
          >
            {t('itemEvidence.attach')}
          </Button>
        </Upload>
        <EvidenceCountTag
          count={files.length}
          label={t('itemEvidence.count', { count: files.length })}
          testId={`item-evidence-count-${code}`}
        />
        {failed && ctx.required.has(code) && !error && (
          <Typography.Text type={needed ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
            {t('itemEvidence.required')}
          </Typography.Text>
        )}
        <Image.PreviewGroup>
          {files
            .filter((a) => a.mime.startsWith('image/'))
            .map((a) => (
              <Image
                key={a.id}
                // Drawn small, not audited as a download; enlarging it opens the file itself (audited).
                src={thumb(a.url)}
                preview={{ src: inline(a.url) }}
                width={40}
                height={40}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                alt={a.name}
                data-testid="item-evidence-thumb"
              />
            ))}
        </Image.PreviewGroup>
      </Space>
      {error && (
        <Typography.Text type="danger" data-testid={`item-evidence-error-${code}`}>
          {localize(error)}
        </Typography.Text>
      )}
    </Space>
  );
}
