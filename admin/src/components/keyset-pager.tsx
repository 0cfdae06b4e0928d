import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { page: number; hasNext: boolean; loading?: boolean; onChange: (page: number) => void };

/** "‹ 上一页 · 第 N 页 · 下一页 ›": keyset pages have no total, so we never pretend to know one. */
export function KeysetPager({ page, hasNext, loading, onChange }: Props) {
  const { t } = useTranslation();
  if (page <= 1 && !hasNext) return null;
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }} data-testid="keyset-pager">
      <Button size="small" icon={<LeftOutlined />} disabled={page <= 1 || loading} onClick={() => onChange(page - 1)}>
        {t('pager.previous')}
      </Button>
      <Typography.Text type="secondary">{t('pager.page', { page })}</Typography.Text>
      <Button size="small" disabled={!hasNext || loading} onClick={() => onChange(page + 1)}>
        {t('pager.next')} <RightOutlined />
      </Button>
    </Space>
  );
}
