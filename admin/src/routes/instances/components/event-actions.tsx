import { DownOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../../components/localized-text';
import type { AvailableEvent } from '../../../types/contract';

const DANGER = /REJECT|RETURN|WITHDRAW|REFUSE|DECLINE|CANCEL/;

/**
 * The definition's events as buttons (the first open one primary); the engine's mechanics (暂存, 转办,
 * 加签…) in a "more" menu. A blocked event stays visible with the rule's reason; it stays clickable
 * only when it asks for fields the user could fill to lift the block — the server decides.
 */
export function EventActions({ events, onFire }: { events: AvailableEvent[]; onFire: (e: AvailableEvent) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const flow = events.filter((e) => !e.mechanic);
  const mechanics = events.filter((e) => e.mechanic);
  const firstOpen = flow.findIndex((e) => !e.blockedBy);
  const label = (e: AvailableEvent) => localize(e.label) || e.type;
  return (
    <Space wrap data-testid="event-actions">
      {flow.map((e, i) => {
        const disabled = !!e.blockedBy && e.requires.length === 0;
        const button = (
          <Button
            key={e.type}
            type={i === firstOpen ? 'primary' : 'default'}
            danger={DANGER.test(e.type)}
            disabled={disabled}
            icon={e.blockedBy ? <ExclamationCircleOutlined /> : undefined}
            data-event={e.type}
            onClick={() => onFire(e)}
          >
            {label(e)}
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
      {mechanics.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: mechanics.map((e) => ({ key: e.type, label: label(e), danger: DANGER.test(e.type) })),
            onClick: ({ key }) => {
              const e = mechanics.find((m) => m.type === key);
              if (e) onFire(e);
            },
          }}
        >
          <Button data-testid="more-actions">
            {t('instances.moreActions')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
