import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import type { AvailableEvent } from '../../../types/contract';

const DANGER = /REJECT|RETURN|WITHDRAW|REFUSE|DECLINE|CANCEL/;

/** One button per available event; blocked ones stay visible, disabled, with the rule's reason. */
export function EventActions({ events, onFire }: { events: AvailableEvent[]; onFire: (e: AvailableEvent) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (events.length === 0) return null;
  const firstOpen = events.findIndex((e) => !e.blockedBy);
  return (
    <Space wrap data-testid="event-actions">
      {events.map((e, i) => {
        const button = (
          <Button
            key={e.type}
            type={i === firstOpen ? 'primary' : 'default'}
            danger={DANGER.test(e.type)}
            disabled={!!e.blockedBy}
            data-event={e.type}
            onClick={() => onFire(e)}
          >
            {localize(e.label) || e.type}
          </Button>
        );
        return e.blockedBy ? (
          <Tooltip key={e.type} title={t('instances.blockedBy', { reason: localize(e.blockedBy.message) })}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}
