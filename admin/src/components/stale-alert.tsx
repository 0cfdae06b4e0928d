import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A 409 on an edit: someone saved first. Offer to load their version; never overwrite it. */
export function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="stale-alert"
      message={t('instances.conflictTitle')}
      description={t('edit.staleDescription')}
      action={
        <Button size="small" onClick={onReload} data-testid="stale-reload">
          {t('instances.reload')}
        </Button>
      }
    />
  );
}
