import { Skeleton, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** While a page's code or data loads inside the console's frame: the outline of a page, not a blank. */
export function PageLoading() {
  return (
    <div data-testid="page-loading" style={{ padding: 24 }}>
      <Skeleton active title={{ width: '30%' }} paragraph={{ rows: 8 }} />
    </div>
  );
}

/** Before the console's frame exists (signing in, opening the console): a centred spinner with a word. */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <div
      data-testid="screen-loading"
      style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Spin size="large" tip={t('app.loading')}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}
