import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { isApiError } from '../providers/http';
import { useLocalize } from './localized-text';

export type ErrorResultProps = { error?: unknown; onRetry?: () => void; status?: 403 | 404 | 500 };

/** Full-area error: forbidden, not found or a failure the user can retry. */
export function ErrorResultView({ error, onRetry, status }: ErrorResultProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const code = status ?? (isApiError(error) ? error.status : 500);
  const kind = code === 403 ? '403' : code === 404 ? '404' : '500';
  const message =
    isApiError(error) && error.localized ? localize(error.localized) : t(`errors.page.${kind}.description`);
  // An unexpected failure shows the request's id, which finds the server's log line for it.
  const requestId = kind === '500' && isApiError(error) ? error.requestId : undefined;
  const detail = requestId ? `${message} ${t('errors.requestId', { id: requestId })}` : message;
  return (
    <Result
      status={kind}
      title={t(`errors.page.${kind}.title`)}
      subTitle={detail}
      extra={[
        onRetry && kind === '500' ? (
          <Button key="retry" type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null,
        <Button key="home" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>,
      ]}
    />
  );
}
